# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% tags=["parameters"]
# The published, read-only copy: the working file may be in use by a run.
WAREHOUSE = "../data/published/warehouse.duckdb"

# %% [markdown]
# # AI share of tech postings
#
# Share of tech postings whose AI involvement is required or preferred (left) and required only
# (right), by posting month, with Wilson 95% bands, overall and for the largest countries.

# %%
import duckdb

from warehouse import figures

con = duckdb.connect(WAREHOUSE, read_only=True)
where = figures.provenance(con, WAREHOUSE)
print(where.caption())

# %%
figures.ai_share_over_time(con, where)

# %%
con.execute("""select posted_month, country, n_tech_postings, ai_share, ai_share_ci_low, ai_share_ci_high, ai_required_share
from ai_share where posted_month = 'all' order by n_tech_postings desc limit 15""").df()
