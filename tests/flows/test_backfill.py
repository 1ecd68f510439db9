"""The backfill flow over three fixture months of HN threads: in month order, and resumable."""

import duckdb

from flows.backfill import backfill

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
