"""Dedup on real landing files: the same job across boards and reposts is one posting, and
similar-looking but different jobs stay apart."""

import pytest

from tests.warehouse.helpers import posting, refresh_warehouse, write_landing
from warehouse import loader

FETCHED = "2026-06-01T08:00:00+00:00"
ML_JOB = (
    "<h3>About the role</h3><p>You will train and ship ranking models for our marketplace.</p>"
    "<h3>Requirements</h3><ul><li>Python, PyTorch and SQL</li><li>Experience with feature stores and "
    "online experiments</li><li>3+ years building machine learning systems in production</li></ul>"
)
OTHER_ML_JOB = (
    "<h3>About the team</h3><p>Our fraud team detects stolen cards in real time across payment rails.</p>"
    "<h3>Requirements</h3><ul><li>Scala and Spark streaming</li><li>Graph features for anomaly detection "
    "on transaction networks</li></ul>"
)


def day(n):
    return f"2026-{1 + n // 30:02d}-{1 + n % 30:02d}T00:00:00+00:00"


def clusters(db):
    """Each posting as the sorted tuple of its source records."""
    with loader.connect(db, read_only=True) as con:
        rows = con.execute(
            "select list(source || ':' || source_id order by source, source_id) from posting_sources "
            "group by posting_id"
        ).fetchall()
    return sorted(tuple(r[0]) for r in rows)


@pytest.fixture
def db(tmp_path):
    return tmp_path / "w.duckdb"


def test_same_job_on_two_boards_is_one_posting(db, tmp_path):
    raw = tmp_path / "raw"
    write_landing(raw, "greenhouse", "r1", [
        posting("greenhouse", "g1", "Machine Learning Engineer (Remote)", "Acme Inc.", "Berlin, Germany",
                FETCHED, description=ML_JOB, date_posted=day(10)),
    ])  # fmt: skip
    write_landing(raw, "lever", "r1", [
        posting("lever", "l1", "Machine Learning Engineer", "ACME", "Berlin", FETCHED,
                description=ML_JOB.replace("marketplace", "marketplace and ads"), date_posted=day(12)),
    ])  # fmt: skip
    refresh_warehouse(db, raw, tmp_path)
    assert clusters(db) == [("greenhouse:g1", "lever:l1")]
    with loader.connect(db, read_only=True) as con:
        urls = con.execute("select url from posting_sources order by url").fetchall()
        assert urls == [("https://example.org/greenhouse/g1",), ("https://example.org/lever/l1",)]
        assert con.execute(
            "select n_sources, date_posted::date::varchar, first_seen_at is not null from postings"
        ).fetchone() == (2, "2026-01-11", True)
        link = con.execute(
            "select linked_to_source, linked_to_source_id, description_similarity from posting_sources "
            "where not is_first_record"
        ).fetchone()
        assert link[:2] == ("greenhouse", "g1") and 0.9 < link[2] < 1


def test_different_description_under_the_same_title_is_another_job(db, tmp_path):
    raw = tmp_path / "raw"
    write_landing(raw, "greenhouse", "r1", [
        posting("greenhouse", "a", "Machine Learning Engineer", "Acme", "Berlin, Germany", FETCHED,
                description=ML_JOB, date_posted=day(10)),
        posting("greenhouse", "b", "Machine Learning Engineer", "Acme", "Berlin, Germany", FETCHED,
                description=OTHER_ML_JOB, date_posted=day(11)),
        posting("greenhouse", "c", "Machine Learning Engineer", "Acme", "Munich, Germany", FETCHED,
                description=ML_JOB, date_posted=day(11)),  # same text, another city
    ])  # fmt: skip
    refresh_warehouse(db, raw, tmp_path)
    assert clusters(db) == [("greenhouse:a",), ("greenhouse:b",), ("greenhouse:c",)]


def test_repost_chain_and_interleaved_jobs(db, tmp_path):
    raw = tmp_path / "raw"
    write_landing(raw, "lever", "r1", [
        # job A reposted every 40 days for 120 days: each within 60 days of the one before
        *(posting("lever", f"a{i}", "ML Engineer", "Acme", "Berlin, Germany", FETCHED, description=ML_JOB,
                  date_posted=day(40 * i)) for i in range(4)),
        # job B under the same title and city, posted between A's reposts
        posting("lever", "b0", "ML Engineer", "Acme", "Berlin, Germany", FETCHED, description=OTHER_ML_JOB,
                date_posted=day(45)),
        # A again after a gap of 70 days: a new opening
        posting("lever", "a9", "ML Engineer", "Acme", "Berlin, Germany", FETCHED, description=ML_JOB,
                date_posted=day(190)),
    ])  # fmt: skip
    refresh_warehouse(db, raw, tmp_path)
    assert clusters(db) == [("lever:a0", "lever:a1", "lever:a2", "lever:a3"), ("lever:a9",), ("lever:b0",)]
    with loader.connect(db, read_only=True) as con:
        # the job's id is its first record's: stable when later reposts arrive
        first = con.execute(
            "select posting_id, is_first_record from posting_sources where source_id = 'a0'"
        ).fetchone()
        assert first[1] and con.execute(
            "select count(*) from posting_sources where posting_id = ?", [first[0]]
        ).fetchone() == (4,)


def test_records_without_description_fall_back_to_key_and_window(db, tmp_path):
    raw = tmp_path / "raw"
    write_landing(raw, "greenhouse", "r1", [
        posting("greenhouse", "x", "Data Scientist", "Acme", "Paris, France", FETCHED, description="",
                date_posted=day(5)),
        posting("greenhouse", "y", "Data Scientist", "Acme", "Paris, France", FETCHED, description=ML_JOB,
                date_posted=day(20)),
    ])  # fmt: skip
    refresh_warehouse(db, raw, tmp_path)
    assert clusters(db) == [("greenhouse:x", "greenhouse:y")]
