"""The backfill flow: Hacker News "Who is hiring?" months, oldest first, into the warehouse.

Growth figures need years of history and the HN threads go back to 2011. Each month is one
``scrapy crawl hn_whoishiring`` under its own run id (``backfill-YYYY-MM``) and is loaded before
the next is crawled, so the raw tables fill in month order. A month in ``backfill_months`` is
skipped: a re-run, or a run after an interruption, picks up where the last one stopped. A month
whose crawl finished but whose load did not is loaded from its landing file, not crawled again."""

from __future__ import annotations

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


@task(name="backfill-pending-months")
def pending_months(warehouse: Path, months: list[str]) -> list[str]:
    with warehouse_writer("pending months"), loader.connect(warehouse) as con:
        done = {
            m
            for (m,) in con.execute("select month from backfill_months where source = ?", [SOURCE]).fetchall()
        }
    return [m for m in months if m not in done]


@task(name="backfill-load-month", task_run_name="load-{month}")
def load_month(warehouse: Path, raw_dir: Path, month: str, run_id: str) -> dict[str, Any]:
    path = raw_dir / SOURCE / f"{run_id}.jsonl"
    with warehouse_writer(f"load {month}"), loader.connect(warehouse) as con:
        for landing in (path, path.with_name(f"{run_id}.quarantine.jsonl")):
            if landing.exists():
                loader.load_file(con, landing)  # a file loaded before is skipped by its hash
        n = con.execute(
            "select count(*) from raw_postings where source = ? and run_id = ?", [SOURCE, run_id]
        ).fetchone()[0]
        con.execute(
            "insert or replace into backfill_months values (?, ?, ?, ?, now())", [SOURCE, month, run_id, n]
        )
    return {"month": month, "records": n}


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
    summaries, failures, loaded = {}, [], []
    started = time.perf_counter()
    for month in todo:  # one at a time, oldest first: the tables fill in month order
        run_id = f"backfill-{month}"
        landed = (paths.raw_dir / SOURCE / f"{run_id}.jsonl").exists()
        if not landed:
            source = SourceConfig(SOURCE, configured.base_url, [], {**configured.options, "months": month})
            state = crawler(source, paths.raw_dir, run_id, dict(crawl_settings or {}), config.crawl_timeout,
                            return_state=True)  # fmt: skip
            if not state.is_completed():
                failures.append(f"{month}: {state.result(raise_on_failure=False)}")
                continue
            summaries[month] = state.result()
        loaded.append(load_month(paths.warehouse, paths.raw_dir, month, run_id))
    logger.info("backfill crawled and loaded %d months in %.1f s", len(loaded), time.perf_counter() - started)
    run_id = f"backfill-{month_from}-{month_to}"
    outcome = {"flow": "backfill", "run_id": run_id, "months": months, "skipped": len(months) - len(todo),
               "crawls": summaries, "crawl_failures": list(failures), "failed_sources": [], "failures": failures,
               "loaded": loaded}  # fmt: skip
    return finish(outcome, config, paths, synthetic=False, compare_moves=False)
