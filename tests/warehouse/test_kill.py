"""A load or a build killed by SIGKILL at any point leaves a warehouse that opens, holds either
all of the interrupted file or none of it, and after a re-run equals an uninterrupted load."""

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from tests.warehouse.helpers import checksums, posting, write_landing
from warehouse import loader

N_BIG = 12_000
# the child signals once its imports are done, so every delay below falls inside the work itself
CHILD = """
import sys
from pathlib import Path
from warehouse import loader
db, raw, what = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
con = loader.connect(db)
print("start", flush=True)
if what == "load":
    loader.load_raw(con, loader.landing_files(raw))
else:
    loader.build_models(con)
con.close()
print("done", flush=True)
"""
FRACTIONS = (0.05, 0.25, 0.45, 0.65, 0.85)


def run_child(db, raw, what, kill_after=None):
    """Run the child; return (seconds from start to exit, killed?)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db), str(raw), what], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout.readline().strip() == "start"
    started = time.perf_counter()
    if kill_after is not None:
        try:
            proc.wait(timeout=kill_after)
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=120)
    return time.perf_counter() - started, proc.returncode == -signal.SIGKILL


def raw_state(db):
    with loader.connect(db, read_only=True) as con:
        return con.execute(
            "select (select count(*) from raw_postings), (select coalesce(sum(n_sightings), 0) from raw_sightings), "
            "(select count(*) from raw_quarantine), (select count(*) from ingest_log)"
        ).fetchone()


@pytest.fixture(scope="module")
def landing(tmp_path_factory):
    """A warehouse with one small file loaded (the state before), and a big file still to load."""
    root = tmp_path_factory.mktemp("kill")
    raw = root / "raw"
    t0, t1 = "2026-05-01T10:00:00+00:00", "2026-05-08T10:00:00+00:00"
    write_landing(raw, "greenhouse", "r1", [posting("greenhouse", str(i), f"Engineer {i}", "Acme", "Berlin", t0)
                                            for i in range(50)])  # fmt: skip
    before = root / "before.duckdb"
    with loader.connect(before) as con:
        loader.load_raw(con, loader.landing_files(raw))
    big = [posting("lever", f"l{i}", f"ML Engineer {i % 997}", f"Company {i % 89}", "Paris, France", t1,
                   description=f"<p>Role {i}: Python, PyTorch and SQL for team {i % 31}.</p>") for i in range(N_BIG)]  # fmt: skip
    write_landing(raw, "lever", "r1", big, extra_lines=["{not json"] * 3)
    full = root / "full.duckdb"
    shutil.copyfile(before, full)
    seconds, killed = run_child(full, raw, "load")
    assert not killed
    return {"raw": raw, "before": before, "full": full, "load_seconds": seconds}


def test_killed_load_leaves_all_or_nothing_and_reruns_to_the_same_counts(landing, tmp_path):
    before, full = raw_state(landing["before"]), raw_state(landing["full"])
    assert before == (50, 50, 0, 1) and full == (50 + N_BIG, 50 + N_BIG, 3, 2)
    outcomes = []
    for fraction in FRACTIONS:
        db = tmp_path / f"k{fraction}.duckdb"
        shutil.copyfile(landing["before"], db)
        _, killed = run_child(db, landing["raw"], "load", kill_after=fraction * landing["load_seconds"])
        state = raw_state(db)  # the file opens (the WAL is replayed or dropped) ...
        assert state in (before, full), (fraction, state)  # ... with all of the file or none of it
        outcomes.append((killed, state == full))
        _, killed_again = run_child(db, landing["raw"], "load")
        assert not killed_again and raw_state(db) == full
        with loader.connect(db, read_only=True) as con:
            assert con.execute(
                "select count(*), count(distinct record_hash) from raw_postings"
            ).fetchone() == (
                50 + N_BIG,
                50 + N_BIG,
            )
    # most kills must land inside the load, and some before its commit, or the test proves nothing
    assert sum(killed for killed, _ in outcomes) >= len(FRACTIONS) - 2, outcomes
    assert any(killed and not complete for killed, complete in outcomes), outcomes


def test_killed_build_is_repaired_by_the_next_build(landing, tmp_path):
    reference = tmp_path / "reference.duckdb"
    shutil.copyfile(landing["full"], reference)
    seconds, _ = run_child(reference, landing["raw"], "build")
    expected = checksums(reference)
    killed_any = False
    for fraction in (0.3, 0.7):
        db = tmp_path / f"b{fraction}.duckdb"
        shutil.copyfile(landing["full"], db)
        _, killed = run_child(db, landing["raw"], "build", kill_after=fraction * seconds)
        killed_any |= killed
        run_child(db, landing["raw"], "build")
        assert checksums(db) == expected, fraction
    assert killed_any
