"""Loads against a real DuckDB file: once per file, idempotent, order-independent, rebuildable."""

import os
import random

import duckdb
import pytest

from tests.warehouse.helpers import checksums, posting, refresh_warehouse, write_landing
from warehouse import ANALYST_TABLES, loader
from warehouse.publish import publish


@pytest.fixture
def raw(tmp_path):
    raw = tmp_path / "raw"
    t1, t2 = "2026-05-02T10:00:00+00:00", "2026-05-09T10:00:00+00:00"
    write_landing(raw, "greenhouse", "r1", [
        posting("greenhouse", "1", "ML Engineer", "Acme", "Berlin, Germany", t1),
        posting("greenhouse", "2", "Account Executive", "Acme", "London, UK", t1, description="<p>Sell.</p>"),
    ], extra_lines=["{broken json"])  # fmt: skip
    write_landing(raw, "greenhouse", "r2", [
        posting("greenhouse", "1", "ML Engineer", "Acme", "Berlin, Germany", t2),  # seen again, unchanged
        posting("greenhouse", "3", "ML Engineer", "Acme", "Berlin, Germany", t2,  # a repost under a new id
                date_posted="2026-05-08T00:00:00+00:00"),
    ])  # fmt: skip
    write_landing(raw, "lever", "r1", [posting("lever", "a", "ML Engineer!", "acme", "Berlin, Germany", t1)])
    return raw


def test_dedup_sightings_and_quarantine(raw, tmp_path):
    db = tmp_path / "w.duckdb"
    loaded, n_extracted, counts, checks = refresh_warehouse(db, raw, tmp_path)
    assert [f["status"] for f in loaded] == ["loaded"] * 3
    assert all(v == 0 for v in checks.values()), checks
    with loader.connect(db, read_only=True) as con:
        # 5 landed lines, one of them an unchanged re-fetch: 4 distinct raw records
        assert con.execute("select count(*) from raw_postings").fetchone() == (4,)
        assert con.execute(
            "select n_sightings, last_fetched_at::varchar from raw_sightings join raw_postings using (source, record_hash) "
            "where item->>'$.source_id' = '1'"
        ).fetchone() == (2, "2026-05-09 10:00:00+00")
        reasons = con.execute("select reason, line_no from raw_quarantine").fetchall()
        assert reasons == [("unreadable_landing_line", 3)]
        # greenhouse 1, its repost 3 and lever's "ML Engineer!" at acme in Berlin: one job, three records
        rows = con.execute(
            "select posting_id, count(*) from posting_sources group by 1 order by 2 desc"
        ).fetchall()
        assert [r[1] for r in rows] == [3, 1]
        assert con.execute("select count(*) from postings").fetchone() == (2,)
        job = con.execute(
            "select n_sources, date_posted::date::varchar, role, countries from postings where n_sources = 3"
        ).fetchone()
        assert job == (3, "2026-05-01", "ml_engineer", ["DE"])
    assert counts["postings"] == 2
    assert n_extracted == 4  # four distinct contents; the unchanged re-fetch of "1" is not extracted again


def test_second_load_adds_nothing(raw, tmp_path):
    db = tmp_path / "w.duckdb"
    refresh_warehouse(db, raw, tmp_path)
    first = checksums(db)
    with loader.connect(db, read_only=True) as con:
        n_raw = con.execute("select count(*) from raw_postings").fetchone()
    loaded, n_extracted, _, _ = refresh_warehouse(db, raw, tmp_path)
    assert [f["status"] for f in loaded] == ["skipped"] * 3 and n_extracted == 0
    assert checksums(db) == first
    with loader.connect(db, read_only=True) as con:
        assert con.execute("select count(*) from raw_postings").fetchone() == n_raw


def test_shuffled_load_order_gives_identical_marts(raw, tmp_path):
    a, b = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    refresh_warehouse(a, raw, tmp_path)
    refresh_warehouse(b, raw, tmp_path, order=lambda files: random.Random(7).sample(files, len(files))[::-1])
    assert checksums(a) == checksums(b)


def test_rebuild_from_raw_is_identical(raw, tmp_path):
    db = tmp_path / "w.duckdb"
    refresh_warehouse(db, raw, tmp_path)
    before = checksums(db)
    with loader.connect(db) as con:
        loader.build_models(con, full=True)  # what `jobmarket rebuild` runs: derived tables dropped first
        assert con.execute(
            "select count(*) from duckdb_tables() where table_name = 'postings'"
        ).fetchone() == (1,)
    assert checksums(db) == before


def test_incremental_build_merges_only_what_changed(raw, tmp_path):
    db = tmp_path / "w.duckdb"
    refresh_warehouse(db, raw, tmp_path)
    with loader.connect(db, read_only=True) as con:
        rowids = dict(con.execute("select posting_id, rowid from postings").fetchall())
    write_landing(raw, "lever", "r2", [posting("lever", "b", "Data Scientist", "Acme", "Paris, France",
                                               "2026-05-10T10:00:00+00:00")])  # fmt: skip
    refresh_warehouse(db, raw, tmp_path)
    with loader.connect(db, read_only=True) as con:
        after = dict(con.execute("select posting_id, rowid from postings").fetchall())
    # the two unchanged postings kept their rows (MERGE updated nothing); the new one was inserted
    assert len(after) == 3 and all(after[pid] == rowid for pid, rowid in rowids.items())
    fresh = tmp_path / "fresh.duckdb"
    refresh_warehouse(fresh, raw, tmp_path)
    assert checksums(db) == checksums(fresh)


def test_publish_is_a_readable_copy_with_parquet_exports(raw, tmp_path):
    db = tmp_path / "w.duckdb"
    refresh_warehouse(db, raw, tmp_path)
    target = tmp_path / "published" / "w.duckdb"
    first = publish(db, target)
    with loader.connect(target, read_only=True) as con:
        assert con.execute("select count(*) from postings").fetchone() == (2,)
        expected = {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in ANALYST_TABLES}
    link = tmp_path / "published" / "w_parquet"
    assert link.is_symlink() and first["manifest"]["tables"]["postings"]["rows"] == 2
    # what Spark, Trino or pandas would read: the directory per table, Hive partitions included
    reader = duckdb.connect()
    for table, n in expected.items():
        got = reader.execute(
            f"select count(*) from read_parquet('{link / table}/**/*.parquet', hive_partitioning = true)"
        ).fetchone()[0]
        assert got == n, table
    assert reader.execute(
        f"select distinct posted_year from read_parquet('{link}/postings/**/*.parquet', hive_partitioning = true)"
    ).fetchall() == [(2026,)]
    assert sorted(p.name for p in (link / "posting_sources").iterdir()) == [
        "source=greenhouse",
        "source=lever",
    ]
    # later publishes swap the link; the newest two versions stay, older ones go
    publish(db, target)
    third = publish(db, target)
    versions = sorted(p.name for p in link.parent.glob("w_parquet.*"))
    assert len(versions) == 2 and os.readlink(link) == f"w_parquet.{third['manifest']['version']}"
    assert not any(p.name.startswith(".") for p in link.parent.iterdir())  # no temporary left behind


def test_empty_warehouse_builds_and_passes_checks(tmp_path):
    (tmp_path / "raw").mkdir()
    _, n, counts, checks = refresh_warehouse(tmp_path / "w.duckdb", tmp_path / "raw", tmp_path)
    assert n == 0 and counts["postings"] == 0
    assert all(v == 0 for v in checks.values()), checks
