"""Hacker News "Who is hiring?": months, the thread search, one posting per top-level comment."""

import json
from datetime import date

import pytest
from scrapy.http import TextResponse

from spiders.hn_whoishiring import HnwhoishiringSpider
from spiders.items import JobPosting, QuarantinedRecord
from spiders.platforms.hn_algolia import month_list, read_header
from spiders.run import crawl, failure_reason
from tests.conftest import API_FIXTURES

THREAD = API_FIXTURES / "api/v1/items/18807017/index.json"


def test_months_from_lists_and_ranges():
    assert month_list("2018-11..2019-02,2019-01") == ["2018-11", "2018-12", "2019-01", "2019-02"]
    assert month_list(["2011-04"]) == ["2011-04"]
    assert month_list(None, today=date(2026, 1, 15)) == ["2025-12", "2026-01"]
    with pytest.raises(ValueError, match="not a month"):
        month_list("2019-13")


def test_search_picks_the_hiring_thread_not_the_other_monthly_ones():
    spider = HnwhoishiringSpider(months="2019-01")
    url = "https://hn.algolia.com/api/v1/search_by_date?x"
    path = next((API_FIXTURES / "api/v1/search_by_date").glob("*1546300800*"))
    [follow] = list(spider.parse_search(TextResponse(url=url, body=path.read_bytes()), month="2019-01"))
    assert follow.url == "https://hn.algolia.com/api/v1/items/18807017"
    empty = TextResponse(
        url=url,
        body=json.dumps(
            {"hits": [{"title": "Ask HN: Who wants to be hired? (April 2019)", "objectID": "1"}]}
        ).encode(),
    )
    [missing] = list(spider.parse_search(empty, month="2019-04"))
    assert isinstance(missing, QuarantinedRecord) and missing.reason == "no_thread"


def test_thread_comments_become_postings():
    spider = HnwhoishiringSpider(months="2019-01")

    class Stats:
        def __init__(self):
            self.values = {}

        def inc_value(self, key):
            self.values[key] = self.values.get(key, 0) + 1

    spider.crawler = type("Crawler", (), {"stats": Stats()})()
    out = list(
        spider.parse_thread(
            TextResponse(url="https://hn.algolia.com/api/v1/items/18807017", body=THREAD.read_bytes()),
            month="2019-01",
        )
    )
    acme, nimbus = [o for o in out if isinstance(o, JobPosting)]
    assert spider.crawler.stats.values == {"jobs/hn_whoishiring/deleted_comments": 1}
    assert (acme.source_id, acme.company, acme.title) == ("18807101", "Acme Robotics", "Senior ML Engineer")
    assert acme.url == "https://news.ycombinator.com/item?id=18807101"
    assert acme.locations_raw == ["San Francisco, CA"] and acme.workplace_type == "onsite"
    assert acme.salary_raw == "$180k-$220k + equity" and acme.date_posted == "2019-01-01T17:00:00+00:00"
    assert (
        "children" not in acme.record and acme.record["thread_month"] == "2019-01"
    )  # replies are not the ad
    assert nimbus.company == "Nimbus" and nimbus.title == "Backend Engineer, Data Engineer"
    assert (
        nimbus.workplace_type == "remote"
        and nimbus.locations_raw == ["US"]
        and nimbus.employment_type == "Full-time"
    )


def test_header_parts_by_what_they_look_like():
    assert read_header("Quill | London or Remote (EU) | Founding Engineer") == {
        "company": "Quill", "role": "Founding Engineer", "places": ["London", "EU"],
        "workplace": "London or Remote (EU)", "pay": [], "employment": None,
    }  # fmt: skip
    hybrid = read_header("Kiezdaten | Hybrid, Berlin/Munich | Data Scientist | €80-100k")
    assert hybrid["places"] == ["Berlin", "Munich"] and hybrid["pay"] == ["€80-100k"]


def test_crawl_three_months(api_server, tmp_path):
    fast = {"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False}
    result = crawl("hn_whoishiring", tmp_path, "t1", None, api_server.base_url, fast, 120,
                   {"months": "2019-01..2019-03"})  # fmt: skip
    assert failure_reason(result) is None, result.summary
    assert result.summary["items"] == 5 and result.summary["quarantined"] == 0
    assert result.summary["requests"] == 7  # robots.txt, three searches, three threads
    landed = [
        json.loads(line)["item"]
        for line in (tmp_path / "hn_whoishiring" / "t1.jsonl").read_text().splitlines()
    ]
    assert sorted(i["date_posted"][:7] for i in landed) == ["2019-01"] * 2 + ["2019-02"] * 2 + ["2019-03"]
