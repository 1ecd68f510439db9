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
# # Remote, hybrid and onsite work in AI/ML roles
#
# Over AI/ML postings whose status is known; the unknown count stands beside each role.

# %%
import duckdb

from warehouse import figures

con = duckdb.connect(WAREHOUSE, read_only=True)
where = figures.provenance(con, WAREHOUSE)
print(where.caption())

# %%
figures.remote_share_by_role(con, where)

# %%
con.execute("""select role, n_known, n_unknown, remote_share, hybrid_share, remote_or_hybrid_share, remote_or_hybrid_share_ci_low,
remote_or_hybrid_share_ci_high from remote_share where posted_month = 'all' and country = 'ALL' order by n_known desc""").df()
