"""The refresh flow end to end, under a Prefect test harness, against a local HTTP server."""

import socket

import duckdb
import pytest

from flows.refresh import RefreshFailed, refresh

FAST = {"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False, "RETRY_TIMES": 0, "DOWNLOAD_TIMEOUT": 5}


def write_config(path, sources):
    lines = []
    for name, base_url, boards in sources:
        lines += [
            f"[sources.{name}]",
            f'base_url = "{base_url}"',
            f"boards = {boards!r}".replace("'", '"'),
            "",
        ]
    path.write_text("\n".join(lines))
    return path


def counts(db):
    with duckdb.connect(str(db), read_only=True) as con:
        return {t: con.execute(f"select count(*) from {t}").fetchone()[0]
                for t in ("raw_postings", "postings", "posting_sources", "posting_skills", "ai_share")}  # fmt: skip


def test_refresh_twice_then_with_a_failing_source(prefect_harness, api_server, tmp_path):
    db = tmp_path / "data" / "warehouse.duckdb"
    config = write_config(tmp_path / "sources.toml", [("greenhouse", api_server.base_url, ["acme"])])
    outcome = refresh(config, db, run_id="run1", crawl_retries=0, crawl_settings=FAST)
    assert outcome["crawls"]["greenhouse"]["items"] == 3
    assert outcome["failures"] == []
    assert all(v == 0 for v in outcome["built"]["checks"].values())
    assert (tmp_path / "data" / "published" / "warehouse.duckdb").exists()
    first = counts(db)
    assert first["postings"] == 3 and first["raw_postings"] == 3

    refresh(config, db, run_id="run2", crawl_retries=0, crawl_settings=FAST)
    assert counts(db) == first  # a second run adds no rows

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}"
    config = write_config(
        tmp_path / "mixed.toml", [("lever", dead, ["globex"]), ("greenhouse", api_server.base_url, ["acme"])]
    )
    with pytest.raises(RefreshFailed) as failed:
        refresh(config, db, run_id="run3", crawl_retries=0, crawl_settings=FAST)
    [reason] = failed.value.reasons
    assert reason.startswith("lever: 0 postings (fetch_failed")
    assert counts(db) == first  # nothing already in the warehouse is lost
    # the other source's postings landed again, and the run's report names the failure
    assert failed.value.outcome["crawls"]["greenhouse"]["items"] == 3
    report = latest_artifact("refresh-report")
    assert (
        report.startswith("# jobmarket refresh run3: FAILED")
        and "- lever: 0 postings (fetch_failed" in report
    )
    assert "| greenhouse | 3 | 1 |" in report and "| lever | 0 | - | failed |" in report
    metrics = latest_artifact("refresh-metrics")
    assert "ai_share" in metrics


def latest_artifact(key):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey
    from prefect.client.schemas.sorting import ArtifactSort

    with get_client(sync_client=True) as client:
        [artifact] = client.read_artifacts(
            artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[key])),
            sort=ArtifactSort.CREATED_DESC,
            limit=1,
        )
    return artifact.data if isinstance(artifact.data, str) else str(artifact.data)
