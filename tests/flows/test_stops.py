"""SIGTERM stops a run within 10 s wherever it is (Prefect's start-up, a crawl, the extraction,
the build), and takes the embedded Prefect server and every crawl with it; nothing it leaves
looks complete when it is not, and a rerun ends where an uninterrupted run ends. Real processes:
the ``jobmarket`` command, its Prefect server and its ``scrapy crawl`` subprocesses."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import duckdb
import psutil
import pytest

from demo.replay import ReplayServer
from tests.conftest import API_FIXTURES
from tests.warehouse.helpers import checksums

ROOT = Path(__file__).resolve().parents[2]
STOP_WITHIN = 10.0


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "flows.cli", *args]


def run_and_stop(command: list[str], when: Callable[[float], bool], label: str) -> dict:
    """Start the command, send SIGTERM once ``when(seconds since start)`` holds, and check what
    the stop left: its latency, no process of its tree alive, no landing file that looks complete
    without a finished crawl."""
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    started = time.perf_counter()
    while not when(time.perf_counter() - started):
        assert proc.poll() is None, f"{label}: the run ended before its stop point"
        assert time.perf_counter() - started < 300, f"{label}: the stop point never came"
        time.sleep(0.05)
    tree, names = [], []
    for child in psutil.Process(proc.pid).children(recursive=True):
        try:
            names.append(" ".join(child.cmdline()[2:4]))
            tree.append(child)
        except psutil.NoSuchProcess:
            pass  # a short-lived helper, already gone
    signalled = time.perf_counter()
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    latency = time.perf_counter() - signalled
    _, alive = psutil.wait_procs(tree, timeout=5)
    assert proc.returncode == 128 + signal.SIGTERM, f"{label}: exit {proc.returncode}: {err[-1500:]}"
    assert latency < STOP_WITHIN, f"{label}: took {latency:.1f} s to stop"
    assert not alive, f"{label}: left running: {[p.pid for p in alive]}"
    assert "stopped by SIGTERM" in err.strip().splitlines()[-1]
    return {"label": label, "latency": latency, "children": names}


def landing_files_are_whole(raw: Path) -> None:
    """Every file the loader would take comes from a crawl that ran to its end."""
    for path in raw.glob("*/*.jsonl"):
        run_id = path.name.removesuffix(".quarantine.jsonl").removesuffix(".jsonl")
        summary = json.loads((path.parent / f"{run_id}.summary.json").read_text())
        assert summary["finish_reason"] == "finished", path


def opens(db: Path) -> None:
    if db.exists():
        with duckdb.connect(str(db), read_only=True) as con:
            con.execute("select count(*) from information_schema.tables").fetchone()


def backfill_state(db: Path):
    with duckdb.connect(str(db), read_only=True) as con:
        return (
            con.execute("select month, n_postings from backfill_months order by month").fetchall(),
            con.execute("select count(*) from raw_postings").fetchone()[0],
            con.execute("select count(*) from postings").fetchone()[0],
        )


@pytest.fixture(scope="module")
def slow_hn():
    # one second an answer: a month's crawl (robots.txt, the search, the thread) takes ~3 s
    with ReplayServer(API_FIXTURES, delay=1.0) as server:
        yield server


def test_a_backfill_stopped_at_any_point_resumes_to_the_uninterrupted_result(slow_hn, tmp_path):
    config = tmp_path / "sources.toml"
    config.write_text(f'[sources.hn_whoishiring]\nbase_url = "{slow_hn.base_url}"\n')
    data = tmp_path / "data"
    raw = data / "raw" / "hn_whoishiring"
    command = cli("run", "backfill", "--from", "2019-01", "--to", "2019-03", "--retries", "0",
                  "--config", str(config), "--warehouse", str(data / "warehouse.duckdb"))  # fmt: skip

    def crawling(month: str, after: float) -> Callable[[float], bool]:
        seen: list[float] = []

        def ready(elapsed: float) -> bool:
            if not seen and any(raw.glob(f"backfill-{month}*.log")):
                seen.append(elapsed)
            return bool(seen) and elapsed >= seen[0] + after

        return ready

    stops = [
        run_and_stop(command, lambda elapsed: elapsed >= 3, "Prefect start-up"),
        run_and_stop(command, crawling("2019-01", 1.5), "the first month's crawl"),
        run_and_stop(command, crawling("2019-02", 2.0), "the second month's crawl"),
    ]
    print("stops:", [(s["label"], round(s["latency"], 2)) for s in stops])
    assert any("scrapy crawl" in c for stop in stops for c in stop["children"])  # a crawl was under way
    landing_files_are_whole(data / "raw")
    opens(data / "warehouse.duckdb")
    assert list(raw.glob("*.part")), "a stopped crawl keeps its files as .part"

    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert backfill_state(data / "warehouse.duckdb") == (
        [("2019-01", 2), ("2019-02", 2), ("2019-03", 1)],
        5,
        5,
    )  # what the uninterrupted backfill of tests/flows/test_backfill.py ends with
    landing_files_are_whole(data / "raw")


def test_a_refresh_stopped_in_its_extraction_or_build_reruns_to_the_same_warehouse(demo_warehouse, tmp_path):
    data = tmp_path / "data"
    work = data / "work"
    command = cli("demo", "--warehouse", str(data / "warehouse.duckdb"))
    raw = data / "raw"

    def extracting(elapsed: float) -> bool:
        return any(work.glob("extract-*.jsonl"))

    def summaries() -> int:
        return len(list(raw.glob("*/*.summary.json")))

    def after_second_crawls(elapsed: float) -> bool:
        # the second run's two crawls are done; a second on, it is loading, extracting or building
        if len(seen) == 0 and summaries() == 4:
            seen.append(elapsed)
        return bool(seen) and elapsed >= seen[0] + 1.0

    seen: list[float] = []
    stops = [run_and_stop(command, extracting, "the extraction")]
    published_before = (data / "published" / "warehouse.duckdb").exists()
    stops.append(run_and_stop(command, after_second_crawls, "after the crawls: load, extract or build"))
    print("stops:", [(s["label"], round(s["latency"], 2)) for s in stops])
    assert (data / "published" / "warehouse.duckdb").exists() == published_before  # no half publish
    landing_files_are_whole(data / "raw")
    opens(data / "warehouse.duckdb")

    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert checksums(data / "published" / "warehouse.duckdb") == checksums(demo_warehouse)
    shutil.rmtree(data / "demo", ignore_errors=True)
