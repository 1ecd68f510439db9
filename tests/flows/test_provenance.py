"""The synthetic mark follows the data: a backfill (or refresh) into the demo's warehouse leaves
it synthetic in the report, the published copy and the Parquet manifest, because the demo's
records are still in it; a warehouse that never held one is not marked."""

import json
import shutil
import subprocess
import sys

import duckdb

from tests.warehouse.helpers import posting, refresh_warehouse, write_landing
from warehouse import SYNTHETIC_KEY


def meta(db):
    with duckdb.connect(str(db), read_only=True) as con:
        return dict(con.execute("select key, value from warehouse_meta").fetchall())


def test_a_backfill_into_the_demo_warehouse_keeps_it_synthetic(demo_warehouse, api_server, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(demo_warehouse.parent.parent, data, symlinks=True)
    config = tmp_path / "sources.toml"
    config.write_text(f'[sources.hn_whoishiring]\nbase_url = "{api_server.base_url}"\n')
    done = subprocess.run(
        [sys.executable, "-m", "flows.cli", "run", "backfill", "--from", "2019-01", "--to", "2019-01",
         "--config", str(config), "--warehouse", str(data / "warehouse.duckdb"), "--retries", "0"],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert "backfill: 1 months done" in done.stdout
    assert "SYNTHETIC DEMO DATA" in done.stdout  # the report printed after the run
    published = data / "published" / "warehouse.duckdb"
    assert meta(published)["synthetic"] == "true" and int(meta(published)["synthetic_records"]) > 2000
    with duckdb.connect(str(published), read_only=True) as con:
        assert (
            con.execute("select count(*) from posting_sources where source = 'hn_whoishiring'").fetchone()[0]
            == 2
        )
    manifest = json.loads((data / "published" / "warehouse_parquet" / "_manifest.json").read_text())
    assert manifest["synthetic"] is True and manifest["synthetic_records"] > 2000
    report = subprocess.run([sys.executable, "-m", "flows.cli", "report", "--warehouse", str(data / "warehouse.duckdb")],
                            capture_output=True, text=True, timeout=120)  # fmt: skip
    assert "SYNTHETIC DEMO DATA" in report.stdout


def test_the_mark_is_the_records_not_the_run(tmp_path):
    raw, db = tmp_path / "raw", tmp_path / "w.duckdb"
    fetched = "2026-05-02T10:00:00+00:00"
    write_landing(
        raw, "greenhouse", "r1", [posting("greenhouse", "1", "ML Engineer", "Acme", "Berlin", fetched)]
    )
    refresh_warehouse(db, raw, tmp_path)
    assert meta(db)["synthetic"] == "false"
    demo_record = posting("greenhouse", "2", "Data Engineer", "Acme", "Berlin", fetched)
    demo_record.record = {"id": "2", SYNTHETIC_KEY: True}
    write_landing(raw, "greenhouse", "r2", [demo_record])
    refresh_warehouse(db, raw, tmp_path)
    assert meta(db)["synthetic"] == "true" and meta(db)["synthetic_records"] == "1"
