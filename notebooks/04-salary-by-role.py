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
# # Salary by role (USD per year)
#
# From postings that publish pay: each posting's range midpoint, converted at a dated ECB rate;
# implausible figures are flagged upstream and left out.

# %%
import duckdb

from warehouse import figures

con = duckdb.connect(WAREHOUSE, read_only=True)
where = figures.provenance(con, WAREHOUSE)
print(where.caption())

# %%
figures.salary_by_role(con, where)

# %%
con.execute("""select * from salary_by_role order by role, country""").df()
