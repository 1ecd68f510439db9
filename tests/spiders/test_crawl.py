"""Real `scrapy crawl` subprocesses against the project's fixtures on a local HTTP server."""

import json
import socket

import pytest

from spiders.run import crawl, failure_reason


@pytest.fixture(scope="module")
def landed(api_server, tmp_path_factory):
    raw = tmp_path_factory.mktemp("raw")
    results = {
        "greenhouse": crawl("greenhouse", raw, "t1", ["acme", "no-such-board"], api_server.base_url),
        "lever": crawl(
            "lever", raw, "t1", ["globex"], api_server.base_url, {"DOWNLOAD_DELAY": 0}, 120, {"page_size": 2}
        ),
    }
    return raw, results


def lines(path):
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_greenhouse_lands_items_and_quarantine(landed):
    raw, results = landed
    summary = results["greenhouse"].summary
    assert results["greenhouse"].returncode == 0
    assert summary["items"] == 3
    assert summary["quarantined_by_reason"] == {"malformed_record": 1, "http_404": 1}
    postings = lines(raw / "greenhouse" / "t1.jsonl")
    assert [p["item"]["source_id"] for p in postings] == ["1001", "1002", "1003"]
    assert postings[0]["record"]["requisition_id"] == "R-1"  # the untouched record beside the item
    assert "fetched_at" in postings[0]["item"]
    reasons = sorted(q["reason"] for q in lines(raw / "greenhouse" / "t1.quarantine.jsonl"))
    assert reasons == ["http_404", "malformed_record"]
    assert not list(raw.glob("*/*.part"))
    assert failure_reason(results["greenhouse"]) is None


def test_lever_follows_skip_limit_paging(landed):
    raw, results = landed
    summary = results["lever"].summary
    # pages skip=0 (2 records), skip=2 (2), skip=4 (1: short, so paging stops there)
    assert summary["requests"] == 4  # robots.txt + three pages
    assert summary["items"] == 4 and summary["quarantined_by_reason"] == {"salary_min_above_max": 1}
    ids = [p["item"]["source_id"][:8] for p in lines(raw / "lever" / "t1.jsonl")]
    assert ids == ["00000001", "00000002", "00000003", "00000005"]


def test_landing_files_are_never_rewritten(landed, api_server):
    raw, _ = landed
    before = (raw / "lever" / "t1.jsonl").read_bytes()
    again = crawl(
        "lever", raw, "t1", ["globex"], api_server.base_url, timeout=120, spider_args={"page_size": 2}
    )
    assert again.returncode != 0 or again.summary.get("items", 0) == 0
    assert (raw / "lever" / "t1.jsonl").read_bytes() == before


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_unreachable_source_fails_with_one_clear_line(tmp_path):
    result = crawl(
        "greenhouse", tmp_path, "t2", ["acme"], f"http://127.0.0.1:{free_port()}",
        {"RETRY_TIMES": 0, "DOWNLOAD_TIMEOUT": 5}, timeout=120,
    )  # fmt: skip
    reason = failure_reason(result)
    assert reason.startswith("greenhouse: 0 postings (fetch_failed x1")
    assert "\n" not in reason


def test_robots_disallow_is_obeyed(tmp_path):
    from demo.replay import ReplayServer

    (tmp_path / "site" / "v1/boards/acme/jobs").mkdir(parents=True)
    (tmp_path / "site" / "robots.txt").write_text("User-agent: *\nDisallow: /v1/\n")
    (tmp_path / "site" / "v1/boards/acme/jobs/content=true.json").write_text('{"jobs": []}')
    with ReplayServer(tmp_path / "site") as server:
        result = crawl("greenhouse", tmp_path / "raw", "t3", ["acme"], server.base_url, timeout=120)
    assert result.summary["items"] == 0
    assert result.summary["requests"] == 1  # robots.txt only
    assert failure_reason(result).startswith("greenhouse: 0 postings")
