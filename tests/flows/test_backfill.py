"""The backfill flow over three fixture months of HN threads: in month order, and resumable."""

import json
import shutil

import duckdb
import pytest

from demo.replay import ReplayServer
from flows.backfill import backfill
from flows.refresh import RefreshFailed
from tests.conftest import API_FIXTURES
from warehouse import loader

FAST = {"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False}


def state(db):
    with duckdb.connect(str(db), read_only=True) as con:
        return {
            "months": con.execute("select month, n_postings from backfill_months order by month").fetchall(),
            "raw": con.execute("select count(*) from raw_postings").fetchone()[0],
            "postings": con.execute("select count(*) from postings").fetchone()[0],
            "load_order": [
                r
                for (r,) in con.execute(
                    "select run_id from ingest_log where kind = 'postings' order by loaded_at"
                ).fetchall()
            ],
        }


def test_backfill_in_month_order_then_a_rerun_adds_nothing(prefect_harness, api_server, tmp_path):
    config = tmp_path / "sources.toml"
    config.write_text(f'[sources.hn_whoishiring]\nbase_url = "{api_server.base_url}"\n')
    db = tmp_path / "data" / "warehouse.duckdb"
    first = backfill("2019-01", "2019-03", config, db, crawl_retries=0, crawl_settings=FAST)
    assert first["skipped"] == 0 and sorted(first["crawls"]) == ["2019-01", "2019-02", "2019-03"]
    after = state(db)
    assert after["months"] == [("2019-01", 2), ("2019-02", 2), ("2019-03", 1)]
    assert after["raw"] == 5 and after["postings"] == 5
    assert after["load_order"] == ["backfill-2019-01", "backfill-2019-02", "backfill-2019-03"]
    assert (tmp_path / "data" / "published" / "warehouse.duckdb").exists()

    again = backfill("2019-01", "2019-03", config, db, crawl_retries=0, crawl_settings=FAST)
    assert again["skipped"] == 3 and again["crawls"] == {}  # nothing crawled again
    assert state(db) == after

    # a month crawled but never recorded (a run killed between crawl and load) is loaded from its
    # landing file, not crawled again: the landing file would refuse a second crawl anyway
    with duckdb.connect(str(db)) as con:
        con.execute("delete from backfill_months where month = '2019-02'")
    resumed = backfill("2019-02", "2019-03", config, db, crawl_retries=0, crawl_settings=FAST)
    assert resumed["skipped"] == 1 and resumed["crawls"] == {}  # 2019-03 done; 2019-02 from its file
    assert state(db)["months"] == after["months"] and state(db)["raw"] == 5


def test_months_that_fail_stay_pending_and_a_later_run_completes_them(prefect_harness, tmp_path):
    """The first run meets a month whose thread is not found (``no_thread``) and a month whose
    thread cannot be fetched (404); both end failed and unrecorded, the run says so, and the next
    run, against a server that serves them, crawls them again: every month ends with all its
    postings."""

    served = tmp_path / "served"
    shutil.copytree(API_FIXTURES, served)
    search = served / "api" / "v1" / "search_by_date"
    (february,) = search.glob("*%3E%3D1548979200*")
    hidden = february.read_text()
    payload = json.loads(hidden)
    payload["hits"] = [h for h in payload["hits"] if "Who is hiring" not in h["title"]]
    february.write_text(json.dumps(payload))
    march_thread = served / "api" / "v1" / "items" / "19281834"
    shutil.move(march_thread, tmp_path / "march-thread")

    db = tmp_path / "data" / "warehouse.duckdb"
    with ReplayServer(served) as server:
        config = tmp_path / "sources.toml"
        config.write_text(f'[sources.hn_whoishiring]\nbase_url = "{server.base_url}"\n')
        with pytest.raises(RefreshFailed) as failed:
            backfill("2019-01", "2019-03", config, db, crawl_retries=0, crawl_settings=FAST)
        outcome = failed.value.outcome
        assert outcome["months_done"] == ["2019-01"]
        assert outcome["months_failed"] == ["2019-02", "2019-03"]
        assert any("2019-02" in r and "no_thread" in r for r in failed.value.reasons)
        assert state(db)["months"] == [("2019-01", 2)]  # nothing recorded for the failed months
        with duckdb.connect(str(db), read_only=True) as con:
            reasons = {r for (r,) in con.execute("select reason from raw_quarantine").fetchall()}
        assert "no_thread" in reasons  # the failed crawl's reasons are loaded, not lost

        # the source serves both months now
        february.write_text(hidden)
        shutil.move(tmp_path / "march-thread", march_thread)
        again = backfill("2019-01", "2019-03", config, db, crawl_retries=0, crawl_settings=FAST)
    assert again["skipped"] == 1 and again["months_done"] == ["2019-02", "2019-03"]
    assert again["months_failed"] == []
    after = state(db)
    assert after["months"] == [("2019-01", 2), ("2019-02", 2), ("2019-03", 1)]
    assert after["raw"] == 5 and after["postings"] == 5
    # the second attempts landed under new run ids: the first attempts' files were kept
    runs = {p.name for p in (tmp_path / "data" / "raw" / "hn_whoishiring").glob("*.summary.json")}
    assert {"backfill-2019-02.summary.json", "backfill-2019-02-run2.summary.json"} <= runs


def test_a_month_recorded_empty_by_an_older_version_is_crawled_again(prefect_harness, api_server, tmp_path):
    config = tmp_path / "sources.toml"
    config.write_text(f'[sources.hn_whoishiring]\nbase_url = "{api_server.base_url}"\n')
    db = tmp_path / "data" / "warehouse.duckdb"

    with loader.connect(db) as con:
        con.execute(
            "insert into backfill_months values ('hn_whoishiring', '2019-01', 'backfill-2019-01', 0, now())"
        )
    done = backfill("2019-01", "2019-01", config, db, crawl_retries=0, crawl_settings=FAST)
    assert done["months_done"] == ["2019-01"] and state(db)["months"] == [("2019-01", 2)]
