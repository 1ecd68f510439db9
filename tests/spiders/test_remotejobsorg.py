"""remotejobs.org: the project's fixture field by field, paging by page number, and real records."""

import pytest

from spiders.items import JobPosting
from spiders.remotejobsorg import RemotejobsorgSpider
from tests.conftest import API_FIXTURES, fixture_response

PAGE = API_FIXTURES / "api/v1/jobs/category=data-science&limit=2&page={n}&type=full-time.json"


def parse(page):
    spider = RemotejobsorgSpider(categories="data-science", page_size=2)
    response = fixture_response(
        spider.api_url("data-science", page=page), PAGE.with_name(PAGE.name.format(n=page))
    )
    return list(spider.parse_page(response, board="data-science", offset=0, page=page))


def test_fields_as_documented():
    out = parse(1)
    scientist, engineer = [o for o in out if isinstance(o, JobPosting)]
    assert scientist.source_id == "7e1f0000-0000-4000-8000-000000000001"
    assert scientist.company == "Lumen Analytics" and scientist.title == "Senior Data Scientist"
    assert scientist.locations_raw == ["Remote - United States"]
    assert scientist.workplace_type == "remote" and scientist.workplace_type_raw == "remote-only board"
    assert scientist.date_posted == "2026-10-01T08:00:00+00:00"
    # the currency is the salary text's leading code; the API sends no period
    assert (scientist.salary_min, scientist.salary_max, scientist.salary_currency, scientist.salary_period) == (
        140000.0, 170000.0, "USD", None)  # fmt: skip
    assert scientist.salary_raw == "USD 140,000 - 170,000"
    assert engineer.salary_currency == "EUR" and engineer.locations_raw == ["Spain (Remote)"]
    # a free-text location is the extractor's to read, not a structured country field
    assert engineer.country_hints == []


def test_a_full_page_asks_for_the_next_and_a_short_one_ends():
    following = [o for o in parse(1) if not isinstance(o, JobPosting)]
    assert [r.url for r in following] == [
        "https://remotejobs.org/api/v1/jobs?type=full-time&page=2&category=data-science&limit=2"
    ]
    last = parse(2)
    assert len(last) == 1 and isinstance(last[0], JobPosting) and last[0].salary_min is None


def test_default_categories_are_the_tech_ones():
    assert RemotejobsorgSpider().categories == ["programming", "devops", "data-science"]


def test_contract_every_real_record_becomes_an_item():
    from spiders import replay

    if not (replay.shared_dir() / "real" / "remotejobsorg").is_dir():
        pytest.skip("../shared/real is not here (a fresh clone has no ../shared)")
    records = replay.read_real("remotejobsorg")
    items = list(replay.items("remotejobsorg", records))
    assert len(items) == len(records) and all(isinstance(i, JobPosting) and not i.problems() for i in items)
    assert all(i.date_posted.endswith("+00:00") and i.description_html for i in items)
    paid = [i for i in items if i.salary_min]
    assert paid and all(i.salary_currency and len(i.salary_currency) == 3 for i in paid)
