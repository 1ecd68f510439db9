import json

import pytest

from spiders.items import JobPosting, QuarantinedRecord
from spiders.lever import LeverSpider
from tests.conftest import API_FIXTURES, fixture_response, shared_sample

PAGE = "v0/postings/globex/limit=2&mode=json&skip={}.json"


def parse(path, board="globex", offset=0):
    spider = LeverSpider(boards=board, page_size=2)
    url = spider.api_url(board, offset)
    return spider, list(spider.parse_page(fixture_response(url, path), board=board, offset=offset, page=1))


def test_first_page_field_by_field():
    _spider, out = parse(API_FIXTURES / PAGE.format(0))
    items = [o for o in out if isinstance(o, JobPosting)]
    [next_page] = [o for o in out if not isinstance(o, JobPosting)]
    assert next_page.url.endswith("/v0/postings/globex?mode=json&skip=2&limit=2")
    cv, contract = items
    assert cv.source == "lever" and cv.source_id == "00000001-aaaa-4bbb-8ccc-dddddddddddd"
    assert cv.title == "Computer Vision Engineer"
    assert cv.company == "Globex"
    assert cv.url == "https://jobs.lever.co/globex/00000001"
    assert cv.date_posted == "2026-01-02T00:00:00+00:00" and cv.date_posted_raw == 1767312000000
    assert cv.workplace_type_raw == "remote" and cv.workplace_type == "remote"
    assert (cv.salary_min, cv.salary_max, cv.salary_currency, cv.salary_period) == (
        120000.0,
        150000.0,
        "CAD",
        "year",
    )
    assert cv.country_hints == ["CA"]
    assert "<h3>What you need</h3><ul><li>OpenCV &amp; YOLO</li>" in cv.description_html
    assert cv.employment_type == "Full-time"
    # amounts as strings, an hourly interval, several locations
    assert contract.locations_raw == ["London", "Manchester"]
    assert (contract.salary_min, contract.salary_max, contract.salary_period) == (45.0, 60.0, "hour")
    assert contract.workplace_type == "hybrid" and contract.employment_type == "Contract"


def test_bad_records_are_quarantined_with_reasons():
    from spiders.item_pipelines.validate import ValidatePostingPipeline

    _, out = parse(API_FIXTURES / PAGE.format(2), offset=2)
    items = [o for o in out if isinstance(o, JobPosting)]
    unspecified, inverted = items
    assert unspecified.workplace_type is None and unspecified.locations_raw == []
    assert unspecified.country_hints == []
    result = ValidatePostingPipeline().process_item(inverted)
    assert isinstance(result, QuarantinedRecord) and result.reason == "salary_min_above_max"


def test_short_page_ends_paging():
    _, out = parse(API_FIXTURES / PAGE.format(4), offset=4)
    assert all(isinstance(o, JobPosting) for o in out) and len(out) == 1


def test_non_array_body_is_quarantined(tmp_path):
    path = tmp_path / "obj.json"
    path.write_text('{"ok": false, "error": "Document not found"}')
    _, [out] = parse(path)
    assert isinstance(out, QuarantinedRecord) and out.reason == "unexpected_shape"


@pytest.mark.parametrize("index", [0, 1])
def test_contract_real_sample(index):
    path = shared_sample("lever_postings.json")
    spider = LeverSpider(boards="matchgroup")
    url = spider.api_url("matchgroup")
    out = list(spider.parse_page(fixture_response(url, path), board="matchgroup", offset=0, page=1))
    items = [o for o in out if isinstance(o, JobPosting)]
    assert len(items) == len(json.loads(path.read_text()))
    item = items[index]
    assert item.problems() == []
    assert item.workplace_type in ("remote", "hybrid", "onsite", None)
    assert item.country_hints and len(item.country_hints[0]) == 2
    assert item.date_posted.endswith("+00:00")
