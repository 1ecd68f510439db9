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
# # Skills by role, and the rising ones
#
# The share of each AI/ML role's postings naming a skill, and the skills whose share of tech
# postings rose most against the same month a year before (`skill_trends`).

# %%
import duckdb

from warehouse import figures

con = duckdb.connect(WAREHOUSE, read_only=True)
where = figures.provenance(con, WAREHOUSE)
print(where.caption())

# %%
figures.skills_by_role(con, where)

# %%
con.execute("""select role, skill_rank, skill_name, n_postings, skill_share, required_share from top_skills_by_role
where skill_rank <= 5 order by role, skill_rank""").df()
