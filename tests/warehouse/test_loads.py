"""Loads against a real DuckDB file: once per file, idempotent, order-independent, rebuildable."""

import json
import os
import random

import duckdb
import pytest

from tests.warehouse.helpers import checksums, posting, refresh_warehouse, write_landing
from warehouse import ANALYST_TABLES, loader, stages
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


# one landing record that breaks the item schema in each way the raw load must catch
POISON = {
    "locations_raw as a string": {"locations_raw": "Berlin, Germany"},
    "locations_raw as a number": {"locations_raw": 7},
    "locations_raw as an object": {"locations_raw": {"city": "Berlin"}},
    "locations_raw with a number in it": {"locations_raw": ["Berlin", 7]},
    "country_hints as a string": {"country_hints": "DE"},
    "country_hints as a number": {"country_hints": 49},
    "country_hints as an object": {"country_hints": {"code": "DE"}},
    "source_id missing": {"source_id": None, "drop": "source_id"},
    "source_id null": {"source_id": None},
    "source_id a number": {"source_id": 12},
    "title empty": {"title": "  "},
    "salary_min as text": {"salary_min": "lots"},
    "date_posted as a number": {"date_posted": 20260501},
}


def poisoned_line(number, change):
    item = posting("greenhouse", f"bad{number}", "Data Engineer", "Acme", "Berlin, Germany",
                   "2026-05-02T10:00:00+00:00").landing_line()  # fmt: skip
    change = dict(change)
    if change.pop("drop", None):
        item["item"].pop("source_id")
    else:
        item["item"].update(change)
    return json.dumps(item)


def test_a_poison_record_is_quarantined_with_its_field_and_the_rest_loads(tmp_path):
    raw, db = tmp_path / "raw", tmp_path / "w.duckdb"
    good = [posting("greenhouse", f"g{i}", f"Engineer {i}", "Acme", "Berlin, Germany", "2026-05-02T10:00:00+00:00")
            for i in range(len(POISON) + 1)]  # fmt: skip
    bad = [poisoned_line(n, change) for n, change in enumerate(POISON.values())]
    lines = [json.dumps(g.landing_line()) for g in good]
    mixed = [line for pair in zip(lines, [*bad, None], strict=True) for line in pair if line]
    path = raw / "greenhouse" / "r1.jsonl"
    path.parent.mkdir(parents=True)
    path.write_text("\n".join(mixed) + "\n")

    loaded, _, _, checks = refresh_warehouse(db, raw, tmp_path)
    assert all(v == 0 for v in checks.values()), checks
    assert loaded[0]["records"] == len(good) and loaded[0]["quarantined"] == len(bad)
    with loader.connect(db, read_only=True) as con:
        assert con.execute("select count(*) from postings").fetchone() == (len(good),)
        quarantined = con.execute(
            "select line_no, reason, detail from raw_quarantine order by line_no"
        ).fetchall()
    assert [r[0] for r in quarantined] == [2 * n + 2 for n in range(len(bad))]
    assert {r[1] for r in quarantined} == {"bad_landing_item"}
    details = [r[2] for r in quarantined]
    assert details[0] == "item.locations_raw must be a list of strings, not varchar"
    assert details[4] == "item.country_hints must be a list of strings, not varchar"
    assert details[7] == "item.source_id must be a non-empty string, not missing"
    assert details[8] == "item.source_id must be a non-empty string, not null"
    assert details[12] == "item.date_posted must be a string or null, not ubigint"
    # a second build over the same warehouse passes too: nothing poisoned stays behind
    assert all(v == 0 for v in stages.build(db)["checks"].values())
