"""SmartRecruiters (list, then detail), Workable, Himalayas (cursor paging) and The Muse (page
numbers): the project's fixtures field by field, and real crawls through every page."""

import json

from spiders.himalayas import HimalayasSpider
from spiders.items import JobPosting, QuarantinedRecord
from spiders.smartrecruiters import SmartrecruitersSpider
from spiders.themuse import ThemuseSpider
from spiders.workable import WorkableSpider
from tests.conftest import API_FIXTURES, fixture_response


def split(out):
    out = list(out)
    items = [o for o in out if isinstance(o, JobPosting)]
    quarantined = [o for o in out if isinstance(o, QuarantinedRecord)]
    return items, quarantined, [o for o in out if o not in items and o not in quarantined]


def test_smartrecruiters_list_asks_for_each_detail_then_the_next_page():
    spider = SmartrecruitersSpider(boards="acme", page_size=2, base_url="http://127.0.0.1:9")
    url = spider.api_url("acme", 0)
    assert url == "http://127.0.0.1:9/v1/companies/acme/postings?offset=0&limit=2"
    page = API_FIXTURES / "v1/companies/acme/postings/limit=2&offset=0.json"
    _, _, requests = split(spider.parse_page(fixture_response(url, page), board="acme", offset=0, page=1))
    assert [r.url for r in requests] == [
        "http://127.0.0.1:9/v1/companies/acme/postings/744000001",  # the detail, on the configured host
        "http://127.0.0.1:9/v1/companies/acme/postings/744000002",
        "http://127.0.0.1:9/v1/companies/acme/postings?offset=2&limit=2",
    ]
    last = API_FIXTURES / "v1/companies/acme/postings/limit=2&offset=2.json"
    _, _, requests = split(spider.parse_page(fixture_response(url, last), board="acme", offset=2, page=2))
    assert len(requests) == 1  # one detail; totalFound reached: no third page


def test_smartrecruiters_detail_fields():
    spider = SmartrecruitersSpider(boards="acme")
    path = API_FIXTURES / "v1/companies/acme/postings/744000001/index.json"
    [ml] = split(
        spider.parse_detail(fixture_response("https://api.smartrecruiters.com/x", path), board="acme")
    )[0]
    assert (ml.source_id, ml.title, ml.company) == ("744000001", "Machine Learning Engineer", "Acme Corp")
    assert ml.url == "https://jobs.smartrecruiters.com/Acme/744000001-x"
    assert ml.locations_raw == ["Toronto, CA"] and ml.country_hints == ["CA"]
    assert ml.workplace_type == "hybrid" and ml.workplace_type_raw == "remote=false, hybrid=true"
    assert ml.date_posted == "2026-10-01T10:00:00+00:00" and ml.employment_type == "Full-time"
    assert "<h3>Qualifications</h3><ul><li>Python &amp; PyTorch</li></ul>" in ml.description_html
    path = API_FIXTURES / "v1/companies/acme/postings/744000002/index.json"
    [cs] = split(
        spider.parse_detail(fixture_response("https://api.smartrecruiters.com/x", path), board="acme")
    )[0]
    assert cs.workplace_type == "remote" and cs.country_hints == ["US"]
    path = API_FIXTURES / "v1/companies/acme/postings/744000003/index.json"
    _, [bad], _ = split(
        spider.parse_detail(fixture_response("https://api.smartrecruiters.com/x", path), board="acme")
    )
    assert bad.reason == "malformed_record"


def test_workable_widget_fields():
    spider = WorkableSpider(boards="acme")
    url = spider.api_url("acme")
    path = API_FIXTURES / "api/v1/widget/accounts/acme/details=true.json"
    (ds, support), [bad], _ = split(
        spider.parse_page(fixture_response(url, path), board="acme", offset=0, page=1)
    )
    assert (ds.source_id, ds.company, ds.title) == ("A1B2C3D4E5", "Acme Analytics", "Senior Data Scientist")
    assert ds.locations_raw == [
        "Athens, Attica, Greece",
        "Lisbon, Lisbon, Portugal",
    ]  # the hidden one left out
    assert (
        ds.country_hints == ["GR", "PT"]
        and ds.workplace_type is None
        and ds.workplace_type_raw == "telecommuting=false"
    )
    assert ds.date_posted == "2026-09-30T00:00:00+00:00" and ds.date_posted_raw == "2026-09-30"
    assert support.workplace_type == "remote" and support.locations_raw == ["India"]
    assert bad.reason == "malformed_record"


def test_himalayas_follows_its_cursor_and_stops_when_it_is_null():
    spider = HimalayasSpider(page_size=2)
    url = spider.api_url(None)
    assert url == "https://himalayas.app/jobs/api?limit=2"
    (llm, designer), _, [following] = split(
        spider.parse_page(
            fixture_response(url, API_FIXTURES / "jobs/api/limit=2.json"), board=None, offset=0, page=1
        )
    )
    assert following.url == "https://himalayas.app/jobs/api?limit=2&cursor=eyJwIjoyfQ%3D%3D"
    assert llm.source_id == "https://himalayas.app/companies/peak-1/jobs/1"  # the guid
    assert llm.country_hints == ["US", "CA"] and llm.workplace_type == "remote"
    assert (llm.salary_min, llm.salary_max, llm.salary_currency, llm.salary_period) == (
        160000.0,
        200000.0,
        "USD",
        "year",
    )
    assert designer.salary_min is None and designer.locations_raw == []
    path = API_FIXTURES / "jobs/api/cursor=eyJwIjoyfQ%3D%3D&limit=2.json"
    [engineer], _, after = split(
        spider.parse_page(fixture_response(following.url, path), board=None, offset=2, page=2)
    )
    assert after == [] and (engineer.salary_min, engineer.salary_max, engineer.salary_currency) == (
        70000.0,
        70000.0,
        "EUR",
    )


def test_himalayas_older_offset_paging():
    spider = HimalayasSpider(page_size=2)
    body = json.dumps(
        {
            "offset": 0,
            "limit": 2,
            "totalCount": 3,
            "jobs": [{"guid": "g1", "title": "A"}, {"guid": "g2", "title": "B"}],
        }
    )
    from scrapy.http import TextResponse

    response = TextResponse(
        url=spider.api_url(None), body=body.encode(), headers={"Content-Type": "application/json"}
    )
    _, _, [following] = split(spider.parse_page(response, board=None, offset=0, page=1))
    assert following.url == "https://himalayas.app/jobs/api?limit=2&offset=2"


def test_themuse_pages_from_zero_to_page_count():
    spider = ThemuseSpider()
    url = spider.api_url(None, page=0)
    assert url == "https://www.themuse.com/api/public/jobs?page=0"
    (analyst, pm), _, [following] = split(
        spider.parse_page(
            fixture_response(url, API_FIXTURES / "api/public/jobs/page=0.json"), board=None, offset=0, page=0
        )
    )
    assert following.url.endswith("?page=1")
    assert (analyst.source_id, analyst.company, analyst.title) == ("9000001", "Bright", "Data Analyst")
    assert (
        analyst.locations_raw == ["Chicago, IL", "Flexible / Remote"] and analyst.workplace_type == "remote"
    )
    assert (
        analyst.date_posted == "2026-10-01T12:30:00+00:00"
        and analyst.url == "https://www.themuse.com/jobs/bright/1"
    )
    assert pm.workplace_type is None
    _, _, after = split(
        spider.parse_page(
            fixture_response(url, API_FIXTURES / "api/public/jobs/page=1.json"), board=None, offset=0, page=1
        )
    )
    assert after == []  # page 1 of page_count 2 is the last
