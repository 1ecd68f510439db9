"""The refresh flow end to end, under a Prefect test harness, against a local HTTP server."""

import socket

import duckdb
import pytest

from flows.refresh import RefreshFailed, refresh

FAST = {"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False, "RETRY_TIMES": 0, "DOWNLOAD_TIMEOUT": 5}


def write_config(path, sources):
    lines = []
    for name, base_url, boards in sources:
        lines += [
            f"[sources.{name}]",
            f'base_url = "{base_url}"',
            f"boards = {boards!r}".replace("'", '"'),
            "",
        ]
    path.write_text("\n".join(lines))
    return path


def counts(db):
    with duckdb.connect(str(db), read_only=True) as con:
        return {t: con.execute(f"select count(*) from {t}").fetchone()[0]
                for t in ("raw_postings", "postings", "posting_sources", "posting_skills", "ai_share")}  # fmt: skip


def test_refresh_twice_then_with_a_failing_source(prefect_harness, api_server, tmp_path):
    db = tmp_path / "data" / "warehouse.duckdb"
    config = write_config(tmp_path / "sources.toml", [("greenhouse", api_server.base_url, ["acme"])])
    outcome = refresh(config, db, run_id="run1", crawl_retries=0, crawl_settings=FAST)
    assert outcome["crawls"]["greenhouse"]["items"] == 3
    assert outcome["failures"] == []
    assert all(v == 0 for v in outcome["built"]["checks"].values())
    assert (tmp_path / "data" / "published" / "warehouse.duckdb").exists()
    first = counts(db)
    assert first["postings"] == 3 and first["raw_postings"] == 3

    refresh(config, db, run_id="run2", crawl_retries=0, crawl_settings=FAST)
    assert counts(db) == first  # a second run adds no rows

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}"
    config = write_config(
        tmp_path / "mixed.toml", [("lever", dead, ["globex"]), ("greenhouse", api_server.base_url, ["acme"])]
    )
    with pytest.raises(RefreshFailed) as failed:
        refresh(config, db, run_id="run3", crawl_retries=0, crawl_settings=FAST)
    [reason] = failed.value.reasons
    assert reason.startswith("lever: 0 postings (fetch_failed")
    assert counts(db) == first  # nothing already in the warehouse is lost
