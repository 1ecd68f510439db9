"""Each check passes on a sound warehouse and reports the rows of a crafted fault."""

import shutil

import pytest

from tests.warehouse.helpers import posting, refresh_warehouse, write_landing
from warehouse import loader

FAULTS = {
    # the keyed core tables refuse duplicates, so the fault is planted in an unconstrained copy
    "assert_postings_unique": [
        "create or replace table postings as select * from postings",
        "insert into postings select * from postings limit 1",
    ],
    "assert_source_record_counted_once": [
        "create or replace table posting_sources as select * from posting_sources",
        "insert into posting_sources select * replace ('another' as posting_id) from posting_sources limit 1",
    ],
    "assert_postings_extracted": [
        "update postings set extractor_version = null where posting_id in "
        "(select posting_id from postings limit 1)"
    ],
    "assert_shares_in_unit_interval": ["update ai_share set ai_share = 1.2 where country = 'ALL'"],
    "assert_intervals_contain_share": [
        "update remote_share set remote_share_ci_high = remote_share / 2 where remote_share > 0"
    ],
    "assert_every_source_staged": [
        "insert into raw_postings select 'unstaged_board', record_hash, run_id, landing_file, line_no, fetched_at, item, "
        "record from raw_postings limit 1"
    ],
}


@pytest.fixture(scope="module")
def sound(tmp_path_factory):
    root = tmp_path_factory.mktemp("checks")
    raw = root / "raw"
    t = "2026-05-02T10:00:00+00:00"
    write_landing(raw, "greenhouse", "r1", [
        posting("greenhouse", "1", "ML Engineer", "Acme", "Berlin, Germany", t, workplace_type="remote"),
        posting("greenhouse", "2", "Data Scientist", "Acme", "Nairobi, Kenya", t),
    ])  # fmt: skip
    db = root / "w.duckdb"
    _, _, _, checks = refresh_warehouse(db, raw, root)
    assert set(checks) == set(FAULTS) and not any(checks.values()), checks
    return db


@pytest.mark.parametrize("check", sorted(FAULTS))
def test_check_reports_a_planted_fault(sound, tmp_path, check):
    db = tmp_path / "w.duckdb"
    shutil.copyfile(sound, db)
    with loader.connect(db) as con:
        for statement in FAULTS[check]:
            con.execute(statement)
        failing = loader.run_checks(con)
    assert failing[check] > 0, failing


def test_a_posting_the_extractor_fails_on_keeps_its_reason(tmp_path, extractor_bug):
    raw, db = tmp_path / "raw", tmp_path / "w.duckdb"
    t = "2026-05-02T10:00:00+00:00"
    write_landing(raw, "greenhouse", "r1", [
        posting("greenhouse", "1", "ML Engineer", "Acme", "Berlin, Germany", t),
        posting("greenhouse", "2", "Data Engineer", "Acme", "Berlin, Germany", t, description="<p>Pay $90,000 BOOM</p>"),
    ])  # fmt: skip
    _, _, _, checks = refresh_warehouse(db, raw, tmp_path)
    assert checks["assert_postings_extracted"] == 1  # the build says so: nothing is lost silently
    with loader.connect(db, read_only=True) as con:
        failing = con.execute(loader.sql_file("checks", "assert_postings_extracted").read_text()).fetchall()
        assert con.execute(
            "select count(*) from postings where extractor_version is not null"
        ).fetchone() == (1,)
    assert [row[2] for row in failing] == ["extraction failed: ValueError: a rule's bug"]
