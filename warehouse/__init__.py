"""The DuckDB warehouse: plain SQL files (schema, staging, core, marts, checks) and a small loader."""

from pathlib import Path

SQL_DIR = Path(__file__).parent

# The key every record of the demo's generator carries: the synthetic mark travels with the data
# into the raw tables (a landed record keeps its source record untouched), so a warehouse is
# synthetic while any such record is in it, whatever ran last (stages.build sets the meta).
SYNTHETIC_KEY = "jobmarket_synthetic"

# Build order within each layer: a model comes after the models it reads.
SCHEMA = [
    "ingest_log",
    "raw_postings",
    "raw_sightings",
    "raw_quarantine",
    "extractions",
    "extraction_errors",
    "warehouse_meta",
    "raw_skills_taxonomy",
    "run_metrics",
    "backfill_months",
    "macros",  # last: the staging table macro reads the raw tables
]
STAGING = [
    "stg_greenhouse__postings",
    "stg_lever__postings",
    "stg_ashby__postings",
    "stg_remoteok__postings",
    "stg_remotive__postings",
    "stg_arbeitnow__postings",
    "stg_jobicy__postings",
    "stg_smartrecruiters__postings",
    "stg_workable__postings",
    "stg_himalayas__postings",
    "stg_themuse__postings",
    "stg_hn_whoishiring__postings",
    "stg_jsonld__postings",
    "stg_remotejobsorg__postings",
    "stg_weworkremotely__postings",
    "stg_job_postings",  # last: the union of the per-source views
]
CORE = ["source_postings", "posting_sources", "postings", "posting_skills", "skills"]
MARTS = [
    "ai_share",
    "remote_share",
    "country_growth",
    "salary_by_role",
    "top_skills_by_role",
    "skill_trends",
    "top_cities",
    "coverage",
]
LAYERS = {"schema": SCHEMA, "staging": STAGING, "core": CORE, "marts": MARTS}
ANALYST_TABLES = ["postings", "posting_sources", "posting_skills", "skills", *MARTS]


def sql_file(layer: str, name: str) -> Path:
    return SQL_DIR / layer / f"{name}.sql"
