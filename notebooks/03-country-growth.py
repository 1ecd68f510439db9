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
# # YoY growth of AI-role postings by country
#
# The 12 months to the latest month against the 12 before, with log-ratio Poisson intervals;
# grey bars are not reportable (a count under 30, or data that do not cover both windows).

# %%
import duckdb

from warehouse import figures

con = duckdb.connect(WAREHOUSE, read_only=True)
where = figures.provenance(con, WAREHOUSE)
print(where.caption())

# %%
figures.country_growth(con, where)

# %%
con.execute("""select country, window_end_month, n_recent, n_prior, growth, growth_ci_low, growth_ci_high, is_reportable
from country_growth where is_latest order by n_recent + n_prior desc""").df()
