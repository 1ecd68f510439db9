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
# # Entry barrier: experience and degree asked, per role
#
# The smallest number of years a posting asks for (median and IQR over the postings that state
# one) and the share asking for each degree.

# %%
import duckdb

from warehouse import figures

con = duckdb.connect(WAREHOUSE, read_only=True)
where = figures.provenance(con, WAREHOUSE)
print(where.caption())

# %%
figures.entry_barrier(con, where)

# %%
con.execute("""select role, count(*) as n, median(min_years_experience) as median_years, count(min_years_experience) as n_stating_years,
avg((degree in ('master', 'phd'))::int) as share_master_or_phd from postings group by role order by role""").df()
