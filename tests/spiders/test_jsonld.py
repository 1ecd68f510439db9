"""schema.org JobPosting JSON-LD from career pages: found through a sitemap, or given as pages."""

import json
import shutil

import pytest
from scrapy.http import HtmlResponse

from demo.replay import ReplayServer
from spiders.items import JobPosting, QuarantinedRecord
from spiders.jsonld import JsonldSpider
from spiders.run import crawl, failure_reason
from tests.conftest import API_FIXTURES

PAGES = API_FIXTURES / "careers" / "jobs"


class Stats:
    def __init__(self):
        self.values = {}

    def inc_value(self, key):
        self.values[key] = self.values.get(key, 0) + 1


def parse(path, url="https://fjord.example/careers/jobs/x.html"):
    spider = JsonldSpider(pages=url)
    spider.crawler = type("Crawler", (), {"stats": Stats()})()
    out = list(spider.parse_page(HtmlResponse(url=url, body=path.read_bytes(), encoding="utf-8")))
    return (
        spider,
        [o for o in out if isinstance(o, JobPosting)],
        [o for o in out if isinstance(o, QuarantinedRecord)],
    )


def test_jobposting_in_a_graph_field_by_field():
    _, [job], quarantined = parse(PAGES / "ml-platform-engineer.html")
    assert not quarantined
    assert (job.source_id, job.title, job.company) == ("FJ-1042", "ML Platform Engineer", "Fjord AI")
    assert job.url == "https://fjord.example/careers/jobs/ml-platform-engineer"
    assert job.locations_raw == ["Oslo, NO", "Stockholm, Sweden"] and job.country_hints == ["NO", "SE"]
    assert (job.salary_min, job.salary_max, job.salary_currency, job.salary_period) == (
        850000.0,
        1050000.0,
        "NOK",
        "year",
    )
    assert job.date_posted == "2026-09-28T00:00:00+00:00" and job.employment_type == "FULL_TIME"
    assert (
        job.description_html == "<p>Kubernetes, Ray &amp; MLflow for our training platform.</p>"
    )  # escaped twice, once undone
    assert job.record["identifier"]["value"] == "FJ-1042"


def test_remote_posting_in_a_list_beside_other_blocks_and_a_broken_block():
    _, [job], [bad] = parse(
        PAGES / "ai-ethics-lead.html", "https://fjord.example/careers/jobs/ai-ethics-lead.html"
    )
    assert job.title == "AI Ethics & Policy Lead" and job.company == "Fjord AI"
    assert (
        job.source_id == "https://fjord.example/careers/jobs/ai-ethics-lead.html"
    )  # no identifier, no url: the page
    assert job.workplace_type == "remote" and job.country_hints == ["US", "CA"] and job.locations_raw == []
    assert (job.salary_min, job.salary_max, job.salary_period) == (95.0, 95.0, "hour")
    assert job.date_posted == "2026-10-02T13:00:00+00:00"
    assert bad.reason == "bad_jsonld"


def test_a_page_without_jobposting_is_counted_not_quarantined():
    spider, items, quarantined = parse(API_FIXTURES / "careers" / "about.html")
    assert items == [] and quarantined == []
    assert spider.crawler.stats.values == {"jobs/jsonld/pages_without_jobposting": 1}


def test_needs_sitemaps_or_pages():
    with pytest.raises(ValueError, match="sitemaps"):
        JsonldSpider()


def test_crawl_through_a_sitemap(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(API_FIXTURES / "careers", site / "careers")
    (site / "robots.txt").write_text("User-agent: *\nAllow: /\n")
    with ReplayServer(site) as server:
        sitemap = site / "careers" / "sitemap.xml"
        sitemap.write_text(sitemap.read_text().replace("SITE", server.base_url))
        result = crawl("jsonld", tmp_path / "raw", "t1", None, None, {"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False},
                       120, {"sitemaps": f"{server.base_url}/careers/sitemap.xml", "job_urls": "/careers/"})  # fmt: skip
    assert failure_reason(result) is None, result.summary
    assert result.summary["items"] == 2
    assert result.summary["quarantined_by_reason"] == {
        "bad_jsonld": 1,
        "http_404": 1,
    }  # the closed role's page is gone
    assert result.summary["requests"] == 6  # robots.txt, the sitemap, four pages
    landed = [
        json.loads(line)["item"]["source_id"]
        for line in (tmp_path / "raw" / "jsonld" / "t1.jsonl").read_text().splitlines()
    ]
    assert sorted(landed) == [
        "FJ-1042",
        f"{server.base_url}/careers/jobs/ai-ethics-lead.html",
    ]  # the page it was on
