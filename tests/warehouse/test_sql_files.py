"""Every model, mart and check is a plain SQL file that runs as-is in the duckdb CLI."""

import subprocess
import sys
from pathlib import Path

from tests.warehouse.helpers import checksums, posting, refresh_warehouse, write_landing
from warehouse import LAYERS, SQL_DIR, loader, sql_file

DUCKDB_CLI = Path(sys.executable).parent / "duckdb"  # the duckdb-cli wheel (a dev dependency)


def cli(db: Path, sql_path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(DUCKDB_CLI), str(db), "-bail", "-csv", "-noheader", "-c", f".read {sql_path}"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_cli_builds_the_same_tables_from_the_files(tmp_path):
    raw = tmp_path / "raw"
    t = "2026-05-02T10:00:00+00:00"
    write_landing(raw, "greenhouse", "r1", [
        posting("greenhouse", "1", "ML Engineer", "Acme", "Berlin, Germany", t),
        posting("greenhouse", "2", "Data Scientist", "Acme", "Nairobi, Kenya", t),
    ])  # fmt: skip
    write_landing(raw, "lever", "r1", [posting("lever", "a", "ML Engineer", "Acme", "Berlin, Germany", t)])
    python_built = tmp_path / "python.duckdb"
    refresh_warehouse(python_built, raw, tmp_path)
    expected = checksums(python_built)

    # the raw layer and extractions as loaded, every derived table dropped: then the CLI alone
    cli_built = tmp_path / "cli.duckdb"
    cli_built.write_bytes(python_built.read_bytes())
    with loader.connect(cli_built) as con:
        loader.drop_derived(con)
    for layer in ("staging", "core", "marts"):
        for name in LAYERS[layer]:
            done = cli(cli_built, sql_file(layer, name))
            assert done.returncode == 0 and not done.stderr, (name, done.stderr)
    assert checksums(cli_built) == expected
    for check in sorted((SQL_DIR / "checks").glob("assert_*.sql")):
        done = cli(cli_built, check)
        assert done.returncode == 0 and done.stdout.strip() == "", (check.name, done.stdout, done.stderr)


def test_every_spider_has_a_staging_view_in_the_union():
    from spiders.run import spider_names

    union = sql_file("staging", "stg_job_postings").read_text()
    for name in spider_names():
        assert f"stg_{name}__postings" in LAYERS["staging"], name
        assert f"select * from stg_{name}__postings" in union, name
