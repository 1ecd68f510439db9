"""``jobmarket serve``: the deployments and their schedules, served from this process.

``refresh`` runs daily by cron; ``backfill`` runs on demand (``prefect deployment run
backfill/on-demand -p month_from=2019-01 -p month_to=2024-12``). Both have a deployment
concurrency limit of 1 that cancels a new run while one is going, and a refresh that starts more
than ``MAX_LATENESS`` after its scheduled time is skipped: after downtime the schedule resumes
with the next run instead of working off a pile of late ones. ``pause_on_shutdown=False``: a
restart of this process does not silently switch the schedule off."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from prefect import flow, get_run_logger
from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy
from prefect.runtime import flow_run

from flows.backfill import backfill
from flows.refresh import refresh

DAILY = "0 6 * * *"  # 06:00 UTC
MAX_LATENESS = timedelta(hours=2)
ONE_AT_A_TIME = ConcurrencyLimitConfig(limit=1, collision_strategy=ConcurrencyLimitStrategy.CANCEL_NEW)


def is_late(scheduled: datetime | None, now: datetime | None = None) -> bool:
    return scheduled is not None and (now or datetime.now(UTC)) - scheduled > MAX_LATENESS


@flow(name="scheduled-refresh", log_prints=False)
def scheduled_refresh(config_path: str | None = None, warehouse: str | None = None) -> dict:
    scheduled = flow_run.scheduled_start_time
    if is_late(scheduled):
        get_run_logger().warning("skipped: scheduled for %s, more than %s ago", scheduled, MAX_LATENESS)
        return {"skipped": "late", "scheduled": str(scheduled)}
    return refresh(Path(config_path) if config_path else None, Path(warehouse) if warehouse else None)


def deployments(config: Path | None, warehouse: Path | None, cron: str = DAILY) -> list:
    params = {
        "config_path": str(config) if config else None,
        "warehouse": str(warehouse) if warehouse else None,
    }
    return [
        scheduled_refresh.to_deployment(
            name="daily",
            cron=cron,
            parameters=params,
            concurrency_limit=ONE_AT_A_TIME,
            description="crawl, load, extract, build, check and publish",
        ),
        backfill.to_deployment(
            name="on-demand",
            parameters={"config_path": params["config_path"], "warehouse": params["warehouse"]},
            concurrency_limit=ONE_AT_A_TIME,
            description="Hacker News 'Who is hiring?' months into the warehouse",
        ),
    ]


def serve_deployments(config: Path | None, warehouse: Path | None, cron: str = DAILY) -> None:
    from prefect import serve

    serve(*deployments(config, warehouse, cron), pause_on_shutdown=False)
