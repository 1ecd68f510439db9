"""The backfill flow: Hacker News "Who is hiring?" months, oldest first, into the warehouse.

Growth figures need years of history and the HN threads go back to 2011. Each month is one
``scrapy crawl hn_whoishiring`` under its own run id (``backfill-YYYY-MM``, then
``backfill-YYYY-MM-run2``, ... on later attempts: landing files are never rewritten) and is loaded
before the next is crawled, so the raw tables fill in month order.

``backfill_months`` holds only months that are whole: their crawl completed, and the postings it
landed are in the warehouse, at least one of them. A month whose thread was not found, whose
crawl failed after its retries or that landed no posting is a failure: it is not recorded, the
run ends failed, and the next run crawls it again. A month whose crawl finished but whose load
did not (a run stopped between the two) is loaded from its landing file, not crawled again."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.tasks import exponential_backoff

from flows.config import Config, Paths, SourceConfig, load_config
from flows.refresh import (
    crawl_source,
    ensure_writer_limit,
    finish,
    warehouse_writer,
)
from spiders.platforms.hn_algolia import month_list
from warehouse import loader

SOURCE = "hn_whoishiring"
# what follows "backfill-" in a month's run ids: the month, a later attempt, a crawl's retry
MONTH_RUN = re.compile(r"\d{4}-\d{2}(?:-run\d+)?(?:-retry\d+)?")


@task(name="backfill-pending-months")
def pending_months(warehouse: Path, months: list[str]) -> list[str]:
    # a month recorded with no posting (by a version before this rule) is pending, not done
    with warehouse_writer("pending months"), loader.connect(warehouse) as con:
        done = {
            m
            for (m,) in con.execute(
                "select month from backfill_months where source = ? and n_postings > 0", [SOURCE]
            ).fetchall()
        }
    return [m for m in months if m not in done]


def month_runs(raw_dir: Path, month: str) -> list[str]:
    """The run ids of the month's crawls that finished (Scrapy's ``finish_reason``, in the summary
    the crawl writes when it closes) and landed postings, oldest attempt first."""
    runs = []
    for path in sorted((raw_dir / SOURCE).glob(f"backfill-{month}*.summary.json")):
        run_id = path.name.removesuffix(".summary.json")
        if not MONTH_RUN.fullmatch(run_id.removeprefix("backfill-")):
            continue
        try:
            summary = json.loads(path.read_text())
        except (OSError, ValueError):
            continue
        finished = summary.get("finish_reason") == "finished" and summary.get("items", 0) > 0
        if finished and path.with_name(f"{run_id}.jsonl").exists():
            runs.append(run_id)
    return runs


def next_run_id(raw_dir: Path, month: str) -> str:
    """A run id under which nothing of the month has landed yet, retries included."""
    folder = raw_dir / SOURCE
    attempt = 1
    while True:
        run_id = f"backfill-{month}" if attempt == 1 else f"backfill-{month}-run{attempt}"
        if not any(folder.glob(f"{run_id}.*")) and not any(folder.glob(f"{run_id}-retry*")):
            return run_id
        attempt += 1


@task(name="backfill-load-month", task_run_name="load-{month}")
def load_month(warehouse: Path, raw_dir: Path, month: str) -> dict[str, Any]:
    """Load every landing file of the month (those loaded before are skipped by their hash) and
    record the month as done when its postings are in: else it stays pending."""
    folder = raw_dir / SOURCE
    files = [p for p in sorted(folder.glob(f"backfill-{month}*.jsonl")) if MONTH_RUN.fullmatch(
        p.name.removesuffix(".jsonl").removesuffix(".quarantine").removeprefix("backfill-"))]  # fmt: skip
    runs = month_runs(raw_dir, month)
    with warehouse_writer(f"load {month}"), loader.connect(warehouse) as con:
        for landing in files:
            loader.load_file(con, landing)
        n = 0
        if runs:
            n = con.execute(
                "select coalesce(sum(n_records), 0) from ingest_log where source = ? and kind = 'postings' "
                "and run_id in (select unnest(?))",
                [SOURCE, runs],
            ).fetchone()[0]
        if n:
            con.execute(
                "insert or replace into backfill_months values (?, ?, ?, ?, now())",
                [SOURCE, month, runs[-1], n],
            )
    return {"month": month, "records": int(n), "runs": runs}


@flow(name="backfill", log_prints=False)
def backfill(
    month_from: str,
    month_to: str,
    config_path: Path | None = None,
    warehouse: Path | None = None,
    crawl_retries: int = 1,
    crawl_settings: dict[str, Any] | None = None,
) -> dict:
    logger = get_run_logger()
    config: Config = load_config(config_path)
    paths = Paths.for_warehouse(warehouse)
    ensure_writer_limit()
    configured = next((s for s in config.sources if s.name == SOURCE), SourceConfig(name=SOURCE))
    months = month_list(f"{month_from}..{month_to}")
    todo = pending_months(paths.warehouse, months)
    logger.info(
        "backfill %s..%s: %d months, %d already loaded",
        month_from,
        month_to,
        len(months),
        len(months) - len(todo),
    )
    crawler = crawl_source.with_options(
        retries=crawl_retries, retry_delay_seconds=exponential_backoff(backoff_factor=10)
    )
    summaries, failures, loaded, failed_months = {}, [], [], []
    started = time.perf_counter()
    for month in todo:  # one at a time, oldest first: the tables fill in month order
        if not month_runs(paths.raw_dir, month):
            run_id = next_run_id(paths.raw_dir, month)
            source = SourceConfig(SOURCE, configured.base_url, [], {**configured.options, "months": month})
            state = crawler(source, paths.raw_dir, run_id, dict(crawl_settings or {}), config.crawl_timeout,
                            return_state=True)  # fmt: skip
            if state.is_completed():
                summaries[month] = state.result()
            else:
                failures.append(f"{month}: {state.result(raise_on_failure=False)}")
        # loaded even after a failed crawl: its quarantine file holds the reasons
        month_loaded = load_month(paths.warehouse, paths.raw_dir, month)
        if month_loaded["records"]:
            loaded.append(month_loaded)
        else:
            failed_months.append(month)
            if month not in summaries and not any(f.startswith(f"{month}:") for f in failures):
                failures.append(f"{month}: no posting landed")
            elif month in summaries:
                failures.append(f"{month}: the crawl completed but no posting was loaded")
    logger.info("backfill crawled and loaded %d months in %.1f s", len(loaded), time.perf_counter() - started)
    run_id = f"backfill-{month_from}-{month_to}"
    outcome = {"flow": "backfill", "run_id": run_id, "months": months, "skipped": len(months) - len(todo),
               "months_done": [m["month"] for m in loaded], "months_failed": failed_months,
               "crawls": summaries, "crawl_failures": list(failures), "failed_sources": [], "failures": failures,
               "loaded": loaded}  # fmt: skip
    logger.info("backfill %s..%s: %d months done, %d skipped (done before), %d failed%s", month_from, month_to,
                len(loaded), outcome["skipped"], len(failed_months),
                f" ({', '.join(failed_months)})" if failed_months else "")  # fmt: skip
    return finish(outcome, config, paths, synthetic=False, compare_moves=False)
