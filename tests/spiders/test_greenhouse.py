import json

import pytest

from spiders.greenhouse import GreenhouseSpider
from spiders.items import JobPosting, QuarantinedRecord
from tests.conftest import API_FIXTURES, fixture_response, shared_sample

URL = "https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true"


def parse(path, board="acme"):
    spider = GreenhouseSpider(boards=board)
    return list(spider.parse_page(fixture_response(URL, path), board=board, offset=0, page=1))


@pytest.fixture(scope="module")
def outputs():
    return parse(API_FIXTURES / "v1/boards/acme/jobs/content=true.json")


@pytest.fixture(scope="module")
def items(outputs):
    return [o for o in outputs if isinstance(o, JobPosting)]


def test_counts(outputs, items):
    # meta.total says 99: the spider trusts the jobs it got, not the total.
    assert len(items) == 3
    quarantined = [o for o in outputs if isinstance(o, QuarantinedRecord)]
    assert [q.reason for q in quarantined] == ["malformed_record"]
    assert quarantined[0].record["id"] == 1004


def test_first_job_field_by_field(items):
    job = items[0]
    assert job.source == "greenhouse"
    assert job.source_id == "1001"
    assert job.url == "https://job-boards.greenhouse.io/acme/jobs/1001"
    assert job.title == "Senior Machine Learning Engineer"
    assert job.company == "Acme"
    assert job.locations_raw == ["Berlin, Germany", "Germany"]
    assert job.date_posted == "2026-03-02T08:30:00+00:00"
    assert job.date_posted_raw == "2026-03-02T09:30:00+01:00"
    # the escaped HTML is unescaped once; entities of the HTML itself stay
    assert job.description_html.startswith(
        '<div class="content-intro"><p>Acme builds tools for farmers &amp; growers.'
    )
    assert job.salary_min is None and job.workplace_type is None
    assert job.board == "acme"
    assert job.record["internal_job_id"] == 9001


def test_falls_back_to_updated_at_and_reads_pay_ranges(items):
    assert items[1].date_posted == "2026-04-01T12:00:00+00:00"
    assert items[1].locations_raw == ["Remote, US"]
    pay = items[2]
    assert (pay.salary_min, pay.salary_max, pay.salary_currency, pay.salary_period) == (
        65000.0,
        80000.0,
        "GBP",
        "year",
    )
    assert pay.description_html is None


@pytest.mark.parametrize("index", range(3))
def test_item_invariants(items, index):
    item = items[index]
    assert item.problems() == []
    assert item.fetched_at and item.date_posted.endswith("+00:00")
    assert "&lt;" not in (item.description_html or "")


def test_html_error_page_is_quarantined(tmp_path):
    page = tmp_path / "error.html"
    page.write_text("<html><body>Service temporarily unavailable</body></html>")
    from scrapy.http import TextResponse

    spider = GreenhouseSpider(boards="acme")
    response = TextResponse(url=URL, body=page.read_bytes(), headers={"Content-Type": "text/html"})
    [out] = list(spider.parse_page(response, board="acme", offset=0, page=1))
    assert isinstance(out, QuarantinedRecord) and out.reason == "html_instead_of_json"


def test_truncated_body_is_quarantined(tmp_path):
    page = tmp_path / "cut.json"
    page.write_text('{"jobs": [{"id": 1, "title": "cut of')
    [out] = parse(page)
    assert out.reason == "not_json"


def test_needs_boards():
    with pytest.raises(ValueError, match="needs boards"):
        GreenhouseSpider()


def test_base_url_replaces_scheme_and_host_only():
    spider = GreenhouseSpider(boards="acme", base_url="http://127.0.0.1:9999")
    assert spider.api_url("acme") == "http://127.0.0.1:9999/v1/boards/acme/jobs?content=true"


def test_contract_real_sample():
    """The real Greenhouse response (../shared/samples) parses into whole items."""
    path = shared_sample("greenhouse_board_jobs_content.json")
    outputs = parse(path, board="gitlab")
    items = [o for o in outputs if isinstance(o, JobPosting)]
    assert len(items) == len(json.loads(path.read_text())["jobs"])
    for item in items:
        assert item.problems() == []
        assert item.company == "GitLab"
        assert item.description_html.lstrip().startswith("<")
        assert item.date_posted.endswith("+00:00")
