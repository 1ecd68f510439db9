"""A real `scrapy crawl` of each API source against its fixtures on the local server, through
every page (Greenhouse and Lever: test_crawl.py; HN: test_hn_whoishiring.py; JSON-LD: test_jsonld.py)."""

import json

import pytest

from spiders.run import crawl, failure_reason

RUNS = {  # boards, spider arguments
    "ashby": (["acme"], None),
    "remoteok": (None, None),
    "remotive": (None, None),
    "arbeitnow": (None, None),
    "jobicy": (None, None),
    "smartrecruiters": (["acme"], {"page_size": 2}),
    "workable": (["acme"], None),
    "himalayas": (None, {"page_size": 2}),
    "themuse": (None, None),
    "remotejobsorg": (None, {"categories": "data-science", "page_size": 2}),
    "weworkremotely": (None, None),
}


@pytest.fixture(scope="module")
def crawled(api_server, tmp_path_factory):
    raw = tmp_path_factory.mktemp("raw")
    fast = {"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False}
    return raw, {name: crawl(name, raw, "t1", boards, api_server.base_url, fast, 120, args)
                 for name, (boards, args) in RUNS.items()}  # fmt: skip


@pytest.mark.parametrize(("name", "n_items", "n_quarantined", "n_requests"), [
    ("ashby", 2, 2, 2), ("remoteok", 2, 1, 2), ("remotive", 3, 0, 2), ("jobicy", 3, 0, 2),
    ("arbeitnow", 3, 0, 3),  # robots.txt, page 1, page 2 (its links.next is null)
    ("smartrecruiters", 2, 1, 6),  # robots.txt, two list pages, three details
    ("workable", 2, 1, 2),
    ("himalayas", 3, 0, 3),  # robots.txt, the first page, the cursor's page
    ("themuse", 3, 0, 3),  # robots.txt, pages 0 and 1 of page_count 2
    ("remotejobsorg", 3, 0, 3),  # robots.txt, a full page 1, a short page 2
    ("weworkremotely", 2, 1, 2),  # robots.txt, the feed (one item has no title)
])  # fmt: skip
def test_crawl_lands_every_fixture_posting(crawled, name, n_items, n_quarantined, n_requests):
    raw, results = crawled
    result = results[name]
    assert failure_reason(result) is None, result.summary
    assert result.summary["items"] == n_items and result.summary.get("quarantined", 0) == n_quarantined
    assert result.summary["requests"] == n_requests
    landed = [json.loads(line) for line in (raw / name / "t1.jsonl").read_text().splitlines()]
    assert len(landed) == n_items and all(line["item"]["source"] == name for line in landed)
