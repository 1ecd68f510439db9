"""The served deployments: a daily refresh that never piles up, and an on-demand backfill."""

from datetime import UTC, datetime, timedelta

from flows.serve import MAX_LATENESS, deployments, is_late


def test_deployments_schedule_and_limits(tmp_path):
    daily, on_demand = deployments(tmp_path / "sources.toml", tmp_path / "w.duckdb", cron="15 5 * * *")
    assert (daily.name, on_demand.name) == ("daily", "on-demand")
    assert [s.schedule.cron for s in daily.schedules] == ["15 5 * * *"]
    assert on_demand.schedules == []  # backfill only when asked
    for deployment in (daily, on_demand):
        assert deployment.concurrency_options.collision_strategy.value == "CANCEL_NEW"
        assert deployment.concurrency_limit == 1
        assert deployment.parameters["warehouse"] == str(tmp_path / "w.duckdb")


def test_a_run_late_beyond_the_limit_is_skipped():
    now = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
    assert not is_late(now - MAX_LATENESS + timedelta(minutes=1), now)
    assert is_late(now - MAX_LATENESS - timedelta(minutes=1), now)
    assert not is_late(None, now)
