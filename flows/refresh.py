"""The refresh flow: crawl every configured source, load, extract, build, check, publish.

Each task body calls one library function; tasks pass file paths, never DataFrames. Crawls run
side by side (one ``scrapy crawl`` subprocess each); every task that writes DuckDB holds the one
slot of the ``jobmarket-warehouse-writer`` concurrency limit, because DuckDB allows a single
writing process: two runs at once (a schedule and a manual run) queue instead of colliding."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.concurrency.sync import concurrency
from prefect.runtime import task_run
from prefect.tasks import exponential_backoff

from flows.config import Config, Paths, SourceConfig, load_config
from flows.stopping import raise_if_stopped
from spiders.run import CrawlFailed, crawl, failure_reason
from warehouse import quality, stages
from warehouse.publish import publish
from warehouse.run_report import figure_rows, run_markdown

WRITER = "jobmarket-warehouse-writer"


class RefreshFailed(RuntimeError):
    """The run finished what it could, but some part failed; ``reasons`` says which."""

    def __init__(self, reasons: list[str], outcome: dict | None = None):
        super().__init__("; ".join(reasons))
        self.reasons = reasons
        self.outcome = outcome


def ensure_writer_limit() -> None:
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        client.upsert_global_concurrency_limit_by_name(WRITER, 1)


@contextmanager
def warehouse_writer(what: str) -> Iterator[None]:
    """Hold the single writer slot, and log the step's duration. A run told to stop ends here,
    before the step or after it, even when the step swallowed the signal's exception."""
    raise_if_stopped()
    started = time.perf_counter()
    with concurrency(WRITER, occupy=1, strict=True):
        yield
    raise_if_stopped()
    get_run_logger().info("%s: %.1f s", what, time.perf_counter() - started)


# No Prefect timeout here: the crawl subprocess has its own (spiders.run.crawl), which a
# worker thread, unlike a Prefect timeout, can enforce.
@task(name="crawl", task_run_name="crawl-{source.name}")
def crawl_source(
    source: SourceConfig, raw_dir: Path, run_id: str, settings: dict[str, Any], timeout: float = 1800
) -> dict:
    attempt = task_run.run_count or 1
    # A retry lands under a new run id: landing files are never rewritten.
    this_run = run_id if attempt <= 1 else f"{run_id}-retry{attempt - 1}"
    started = time.perf_counter()
    result = crawl(
        source.name, raw_dir, this_run, source.boards, source.base_url, settings, timeout, source.options
    )
    seconds = time.perf_counter() - started
    reason = failure_reason(result)
    if reason:
        raise CrawlFailed(reason)
    get_run_logger().info(
        "%s: %d items, %d quarantined, %d retries, %.1f s", source.name, result.summary["items"],
        result.summary.get("quarantined", 0), result.summary.get("retries", 0), seconds,
    )  # fmt: skip
    return {**result.summary, "seconds": seconds}


@task(name="load-raw")
def load_raw_task(warehouse: Path, raw_dir: Path) -> list[dict]:
    with warehouse_writer("load raw"):
        loaded = stages.load_landing(warehouse, raw_dir)
    get_run_logger().info("load raw: %d files, %d records", sum(f["status"] == "loaded" for f in loaded),
                          sum(f["records"] for f in loaded))  # fmt: skip
    return loaded


@task(name="extract")
def extract_task(warehouse: Path, work_dir: Path, run_id: str) -> dict:
    with warehouse_writer("extract"):
        done = stages.extract_pending(warehouse, work_dir, run_id)
    get_run_logger().info(
        "extract: %d postings in %d batches, %d errors", done["extracted"], done["batches"], done["errors"]
    )
    return done


@task(name="build")
def build_task(warehouse: Path) -> dict:
    with warehouse_writer("build"):
        return stages.build(warehouse)


@task(name="record-figures")
def figures_task(warehouse: Path, run_id: str) -> dict:
    with warehouse_writer("record figures"):
        return stages.record_figures(warehouse, run_id)


@task(name="publish")
def publish_task(warehouse: Path, published: Path) -> str:
    with warehouse_writer("publish"):
        return publish(warehouse, published)["database"]


def crawl_all(
    config: Config, paths: Paths, run_id: str, retries: int, settings: dict
) -> tuple[dict, list[str], list[str]]:
    crawler = crawl_source.with_options(retries=retries, retry_delay_seconds=exponential_backoff(backoff_factor=10),
                                        retry_jitter_factor=0.5)  # fmt: skip
    futures = {
        s.name: crawler.submit(s, paths.raw_dir, run_id, settings, config.crawl_timeout)
        for s in config.sources
    }
    summaries, failures, failed = {}, [], []
    for name, future in futures.items():
        future.wait()
        if future.state.is_completed():
            summaries[name] = future.result()
        else:
            error = future.state.result(raise_on_failure=False)
            failures.append(str(error) if isinstance(error, CrawlFailed) else f"{name}: {error!r}")
            failed.append(name)
    return summaries, failures, failed


def finish(outcome: dict, config: Config, paths: Paths, synthetic: bool, compare_moves: bool = True) -> dict:
    """What every flow does once its records are loaded: extract, build, record the figures,
    check and gate, publish (only when they pass), the artifacts, and the verdict.
    ``compare_moves`` is off for a backfill: adding years of history is meant to move figures."""
    outcome["extracted"] = extract_task(paths.warehouse, paths.work_dir, outcome["run_id"])
    outcome["built"] = build_task(paths.warehouse)
    outcome["figures"] = figures_task(paths.warehouse, outcome["run_id"])
    synthetic = synthetic or outcome["built"]["synthetic"]
    built, figures, gates = outcome["built"], outcome["figures"], config.quality
    outcome["failures"] += [f"check {name} failed: {n} row(s)" for name, n in built["checks"].items() if n]
    outcome["failures"] += quality.too_much_quarantined(outcome["crawls"], gates.max_quarantine_share)
    if compare_moves:
        outcome["failures"] += quality.moved_too_far(figures["previous"], figures["current"], gates.max_share_move,
                                                     gates.max_growth_move, gates.min_n)  # fmt: skip
    # figures that fail a gate are never handed to readers; a dead source alone does not stop
    # the publish: what did land is sound, and the run still ends as failed
    bad_figures = len(outcome["failures"]) > len(outcome["crawl_failures"])
    outcome["published"] = None if bad_figures else publish_task(paths.warehouse, paths.published)
    create_markdown_artifact(markdown=run_markdown(outcome, synthetic), key=f"{outcome['flow']}-report",
                             description=f"jobmarket {outcome['flow']} {outcome['run_id']}")  # fmt: skip
    if figures["current"]:
        create_table_artifact(table=figure_rows(figures), key=f"{outcome['flow']}-metrics",
                              description="headline figures with their n, 95% interval and change since the last run")  # fmt: skip
    logger = get_run_logger()
    for line in outcome["failures"]:
        logger.error(line)
    if outcome["failures"]:
        raise RefreshFailed(outcome["failures"], outcome)
    return outcome


@flow(name="refresh", log_prints=False)
def refresh(
    config_path: Path | None = None,
    warehouse: Path | None = None,
    run_id: str | None = None,
    crawl_retries: int = 1,
    crawl_settings: dict[str, Any] | None = None,
    synthetic: bool = False,
) -> dict:
    config: Config = load_config(config_path)
    paths = Paths.for_warehouse(warehouse)
    run_id = run_id or datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    ensure_writer_limit()
    settings = dict(crawl_settings or {})
    if config.contact_url:
        settings.setdefault("USER_AGENT", f"jobmarket/0.1 (+{config.contact_url}; labour-market statistics)")

    summaries, failures, failed = crawl_all(config, paths, run_id, crawl_retries, settings)
    # Whatever landed is loaded even when some sources failed: their postings are not lost.
    outcome = {"flow": "refresh", "run_id": run_id, "crawls": summaries, "crawl_failures": list(failures),
               "failed_sources": failed, "failures": failures}  # fmt: skip
    outcome["loaded"] = load_raw_task(paths.warehouse, paths.raw_dir)
    return finish(outcome, config, paths, synthetic)
