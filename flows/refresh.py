"""The refresh flow: crawl every configured source, load, extract, build, check, publish.

Each task body calls one library function; tasks pass file paths, never DataFrames. Crawls run
side by side (one ``scrapy crawl`` subprocess each); everything that writes DuckDB runs after
them, one task at a time, because DuckDB allows a single writing process."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.runtime import task_run

from flows.config import Config, Paths, SourceConfig, load_config
from spiders.run import CrawlFailed, crawl, failure_reason
from warehouse import stages
from warehouse.publish import publish


class RefreshFailed(RuntimeError):
    """The run finished what it could, but some part failed; ``reasons`` says which."""

    def __init__(self, reasons: list[str]):
        super().__init__("; ".join(reasons))
        self.reasons = reasons


# No Prefect timeout here: the crawl subprocess has its own (spiders.run.crawl), which a
# worker thread, unlike a Prefect timeout, can enforce.
@task(name="crawl", task_run_name="crawl-{source.name}")
def crawl_source(source: SourceConfig, raw_dir: Path, run_id: str, settings: dict[str, Any]) -> dict:
    attempt = task_run.run_count or 1
    # A retry lands under a new run id: landing files are never rewritten.
    this_run = run_id if attempt <= 1 else f"{run_id}-retry{attempt - 1}"
    result = crawl(
        source.name, raw_dir, this_run, source.boards, source.base_url, settings, spider_args=source.options
    )
    reason = failure_reason(result)
    if reason:
        raise CrawlFailed(reason)
    get_run_logger().info(
        "%s: %d items, %d quarantined, %d retries", source.name, result.summary["items"],
        result.summary.get("quarantined", 0), result.summary.get("retries", 0),
    )  # fmt: skip
    return result.summary


@task(name="load-raw")
def load_raw_task(warehouse: Path, raw_dir: Path) -> list[dict]:
    return stages.load_landing(warehouse, raw_dir)


@task(name="extract")
def extract_task(warehouse: Path, work_dir: Path, run_id: str) -> dict:
    return stages.extract_pending(warehouse, work_dir, run_id)


@task(name="build")
def build_task(warehouse: Path) -> dict:
    return stages.build(warehouse)


@task(name="publish")
def publish_task(warehouse: Path, published: Path) -> str:
    return publish(warehouse, published)["database"]


@flow(name="refresh", log_prints=False)
def refresh(
    config_path: Path | None = None,
    warehouse: Path | None = None,
    run_id: str | None = None,
    crawl_retries: int = 1,
    crawl_settings: dict[str, Any] | None = None,
) -> dict:
    logger = get_run_logger()
    config: Config = load_config(config_path)
    paths = Paths.for_warehouse(warehouse)
    run_id = run_id or datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    settings = dict(crawl_settings or {})
    if config.contact_url:
        settings.setdefault("USER_AGENT", f"jobmarket/0.1 (+{config.contact_url}; labour-market statistics)")

    crawler = crawl_source.with_options(retries=crawl_retries, retry_delay_seconds=10)
    futures = {s.name: crawler.submit(s, paths.raw_dir, run_id, settings) for s in config.sources}
    summaries, failures = {}, []
    for name, future in futures.items():
        future.wait()
        if future.state.is_completed():
            summaries[name] = future.result()
        else:
            error = future.state.result(raise_on_failure=False)
            failures.append(str(error) if isinstance(error, CrawlFailed) else f"{name}: {error!r}")

    # Whatever landed is loaded even when some sources failed: their postings are not lost.
    loaded = load_raw_task(paths.warehouse, paths.raw_dir)
    extracted = extract_task(paths.warehouse, paths.work_dir, run_id)
    built = build_task(paths.warehouse)
    failing_checks = {k: v for k, v in built["checks"].items() if v}
    failures += [f"check {name} failed: {n} row(s)" for name, n in failing_checks.items()]
    # figures that fail a check are never handed to readers: the last good copy stays published
    published = None if failing_checks else publish_task(paths.warehouse, paths.published)
    outcome = {
        "run_id": run_id,
        "crawls": summaries,
        "loaded": loaded,
        "extracted": extracted,
        "built": built,
        "published": published,
        "failures": failures,
    }
    for line in failures:
        logger.error(line)
    if failures:
        raise RefreshFailed(failures)
    return outcome
