"""Real crawls against a server that fails on cue: what was fetched, retried, quarantined, emitted."""

import json

import pytest

from spiders.run import crawl, failure_reason
from tests.conftest import API_FIXTURES
from tests.spiders.fault_server import FaultServer

FEED = "/api/remote-jobs"  # Remotive: one request, three fixture postings
FAST = {"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False, "RETRY_BACKOFF_BASE": 0.5}


def run(tmp_path, scripts, settings=None, robots=None):
    extra = {"robots": robots} if robots else {}
    with FaultServer(API_FIXTURES, scripts, **extra) as server:
        result = crawl("remotive", tmp_path, "f1", None, server.base_url, {**FAST, **(settings or {})}, 120)
        hits = server.hits(FEED)
    quarantine = tmp_path / "remotive" / "f1.quarantine.jsonl"
    reasons = (
        [json.loads(line)["reason"] for line in quarantine.read_text().splitlines()]
        if quarantine.exists()
        else []
    )
    return result, hits, reasons


def test_429_with_retry_after_is_waited_for_then_retried(tmp_path):
    result, hits, reasons = run(tmp_path, {FEED: [("status", 429, {"Retry-After": "2"}), ("ok",)]})
    assert result.summary["items"] == 3 and reasons == []
    assert len(hits) == 2 and hits[1] - hits[0] >= 2.0  # the server's two seconds, not an instant retry
    assert result.summary["retries"] == 1 and result.summary["http_errors"] == {"429": 1}


def test_429_asking_too_long_is_quarantined_not_waited_for(tmp_path):
    result, hits, reasons = run(tmp_path, {FEED: [("status", 429, {"Retry-After": "3600"})]})
    assert len(hits) == 1 and reasons == ["http_429"] and result.summary["items"] == 0
    assert failure_reason(result).startswith("remotive: 0 postings (http_429 x1")


def test_503_then_success_backs_off_and_lands(tmp_path):
    result, hits, reasons = run(tmp_path, {FEED: [("status", 503, {}), ("status", 503, {}), ("ok",)]})
    assert result.summary["items"] == 3 and reasons == [] and result.summary["retries"] == 2
    assert len(hits) == 3
    assert hits[1] - hits[0] >= 0.5 and hits[2] - hits[1] >= 1.0  # 0.5 s, then 1 s: exponential


def test_dropped_connection_is_retried(tmp_path):
    # Twisted re-sends a GET once by itself when a kept-alive connection (robots.txt's) drops
    # before any answer; the second drop, on a fresh connection, reaches Scrapy's retry.
    result, hits, reasons = run(tmp_path, {FEED: [("drop",), ("drop",), ("ok",)]})
    assert result.summary["items"] == 3 and reasons == []
    assert len(hits) == 3 and result.summary["retries"] == 1 and result.summary["exceptions"] == 1


def test_stalled_response_times_out_retries_then_quarantines(tmp_path):
    result, hits, reasons = run(tmp_path, {FEED: [("stall", 5)]}, {"DOWNLOAD_TIMEOUT": 1, "RETRY_TIMES": 1})
    assert len(hits) == 2 and reasons == ["fetch_failed"] and result.summary["items"] == 0
    assert "fetch_failed x1" in failure_reason(result)


@pytest.mark.parametrize(("body", "content_type", "reason"), [
    (b'{"jobs": [{"id": 1, "title": "Trunc', "application/json", "not_json"),
    (b"<html><body>Service temporarily unavailable</body></html>", "text/html", "html_instead_of_json"),
    ('{"jobs": [{"title": "Caf\u00e9"}]}'.encode("latin-1"), "application/json; charset=utf-8", "bad_encoding"),
    (b"   ", "application/json", "empty_body"),
    (b'{"items": []}', "application/json", "unexpected_shape"),
])  # fmt: skip
def test_bad_bodies_are_quarantined_with_their_reason(tmp_path, body, content_type, reason):
    result, hits, reasons = run(tmp_path, {FEED: [("body", body, content_type)]})
    assert len(hits) == 1 and reasons == [reason] and result.summary["items"] == 0
    assert result.summary["retries"] == 0 and result.returncode == 0


def test_huge_body_is_cut_off_and_quarantined(tmp_path):
    result, hits, reasons = run(tmp_path, {}, {"DOWNLOAD_MAXSIZE": 500, "RETRY_TIMES": 0})
    assert len(hits) == 1 and reasons == ["fetch_failed"] and result.summary["items"] == 0


def test_robots_disallow_fetches_nothing_but_robots(tmp_path):
    result, hits, _ = run(tmp_path, {}, robots="User-agent: *\nDisallow: /api/\n")
    assert hits == [] and result.summary["requests"] == 1 and result.summary["items"] == 0
