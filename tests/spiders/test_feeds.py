"""Ashby and the remote-job feeds (RemoteOK, Remotive, Arbeitnow, Jobicy): the project's fixtures
field by field, the real responses in ../shared/samples as a contract, and real crawls."""

import json

import pytest

from spiders.arbeitnow import ArbeitnowSpider
from spiders.ashby import AshbySpider
from spiders.items import JobPosting, QuarantinedRecord
from spiders.jobicy import JobicySpider
from spiders.remoteok import RemoteokSpider
from spiders.remotive import RemotiveSpider
from tests.conftest import API_FIXTURES, fixture_response, shared_sample

FIXTURE = {
    "ashby": "posting-api/job-board/acme/includeCompensation=true.json",
    "remoteok": "api/index.json",
    "remotive": "api/remote-jobs/index.json",
    "arbeitnow": "api/job-board-api/page=1.json",
    "jobicy": "api/v2/remote-jobs/count=50.json",
}
SPIDERS = {"ashby": AshbySpider, "remoteok": RemoteokSpider, "remotive": RemotiveSpider,
           "arbeitnow": ArbeitnowSpider, "jobicy": JobicySpider}  # fmt: skip


def parse(name, path, page=1):
    spider = SPIDERS[name](boards="acme") if name == "ashby" else SPIDERS[name]()
    board = "acme" if name == "ashby" else None
    response = fixture_response(spider.api_url(board, page=page), path)
    out = list(spider.parse_page(response, board=board, offset=0, page=page))
    items = [o for o in out if isinstance(o, JobPosting)]
    quarantined = [o for o in out if isinstance(o, QuarantinedRecord)]
    return items, quarantined, [o for o in out if o not in items and o not in quarantined]


def test_ashby_fields_and_its_is_remote_quirk():
    items, quarantined, _ = parse("ashby", API_FIXTURES / FIXTURE["ashby"])
    agents, annotator = items
    assert (
        agents.source_id == "a1f0c2d4-0000-4000-8000-000000000001"
        and agents.title == "Applied AI Engineer, Agents"
    )
    assert agents.url == "https://jobs.ashbyhq.com/acme/a1f0c2d4-0000-4000-8000-000000000001"
    assert agents.locations_raw == ["San Francisco, CA", "New York, NY"]
    # isRemote is true but the posting is hybrid: the workplace field is the signal kept
    assert agents.workplace_type == "hybrid" and agents.record["isRemote"] is True
    assert agents.date_posted == "2026-10-02T23:30:00+00:00"
    assert agents.country_hints == ["US"]
    # the equity component is not salary
    assert (agents.salary_min, agents.salary_max, agents.salary_currency, agents.salary_period) == (
        180000.0, 240000.0, "USD", "year")  # fmt: skip
    assert agents.salary_raw == "$180K – $240K • Offers Equity"
    assert "LLMs &amp; RAG" in agents.description_html and agents.employment_type == "FullTime"
    assert (annotator.salary_min, annotator.salary_max, annotator.salary_currency, annotator.salary_period) == (
        25.0, 32.0, "EUR", "hour")  # fmt: skip
    assert annotator.workplace_type == "remote" and annotator.country_hints == ["DE"]
    assert sorted(q.reason for q in quarantined) == ["malformed_record", "malformed_record"]
    assert any("isListed" in q.detail for q in quarantined) and any("jobUrl" in q.detail for q in quarantined)


def test_remoteok_skips_the_legal_notice_and_reads_zero_as_no_salary():
    items, quarantined, _ = parse("remoteok", API_FIXTURES / FIXTURE["remoteok"])
    ml, support = items
    assert ml.source_id == "2000001" and support.source_id == "2000002"  # id as a number or a string
    assert ml.title == "Senior ML Engineer" and ml.company == "Nimbus"
    assert ml.locations_raw == ["United States"] and ml.country_hints == ["US"]
    assert (ml.salary_min, ml.salary_max, ml.salary_currency, ml.salary_period) == (
        150000.0,
        190000.0,
        "USD",
        "year",
    )
    assert ml.workplace_type == "remote" and ml.workplace_type_raw == "remote-only board"
    assert ml.date_posted == "2026-09-21T14:13:20+00:00"
    assert support.salary_min is None and support.salary_currency is None and support.locations_raw == []
    assert [q.reason for q in quarantined] == ["malformed_record"]  # no position


def test_remotive_keeps_text_salary_raw_and_reads_naive_dates_as_utc():
    items, quarantined, _ = parse("remotive", API_FIXTURES / FIXTURE["remotive"])
    llm, marketer, ds = items
    assert not quarantined
    assert llm.source_id == "3000001" and llm.company == "Orbit Labs"
    assert llm.date_posted == "2026-10-05T09:30:00+00:00" and llm.date_posted_raw == "2026-10-05T09:30:00"
    assert llm.country_hints == ["CA", "US"] and llm.locations_raw == ["Canada, USA"]
    assert llm.salary_raw == "$140k - $170k" and llm.salary_min is None  # text: the extractor's job
    assert (
        marketer.country_hints == []
        and marketer.salary_raw is None
        and marketer.employment_type == "contract"
    )
    assert ds.company == "Ledger & Co" and ds.country_hints == []


def test_arbeitnow_pages_by_its_next_link_and_uses_the_slug_as_id():
    items, _, requests = parse("arbeitnow", API_FIXTURES / FIXTURE["arbeitnow"])
    ml, data = items
    assert ml.source_id == "machine-learning-engineer-berlin-401" and ml.company == "Kiezdaten GmbH"
    assert ml.date_posted == "2026-09-22T18:00:00+00:00" and ml.date_posted_raw == 1790100000
    assert ml.workplace_type is None and ml.workplace_type_raw == "remote=false"  # false is not "on-site"
    assert data.workplace_type == "remote" and ml.employment_type == "Berufserfahren, Vollzeit"
    assert [r.url for r in requests] == ["https://www.arbeitnow.com/api/job-board-api?page=2"]
    last, _, after_last = parse("arbeitnow", API_FIXTURES / "api/job-board-api/page=2.json", page=2)
    assert len(last) == 1 and after_last == []  # links.next is null: no page 3


def test_jobicy_salary_periods_and_geos():
    items, _, _ = parse("jobicy", API_FIXTURES / FIXTURE["jobicy"])
    mlops, trainer, bookkeeper = items
    assert mlops.title == "MLOps Engineer" and mlops.country_hints == ["CA", "US"]
    assert (mlops.salary_min, mlops.salary_max, mlops.salary_currency, mlops.salary_period) == (
        130000.0, 160000.0, "USD", "year")  # fmt: skip
    assert (trainer.salary_min, trainer.salary_currency, trainer.salary_period) == (18.0, "USD", "hour")
    assert trainer.country_hints == [] and trainer.title == "AI Trainer – Spanish"
    assert (
        bookkeeper.salary_min is None and bookkeeper.salary_period is None and bookkeeper.salary_raw is None
    )


# -- the real wire formats ----------------------------------------------------------------------
SAMPLES = {
    "ashby": "ashby_job_board.json",
    "remoteok": "remoteok_api.json",
    "remotive": "remotive_remote_jobs.json",
    "arbeitnow": "arbeitnow_job_board_api.json",
    "jobicy": "jobicy_remote_jobs.json",
}


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_contract_every_real_record_becomes_an_item(name):
    path = shared_sample(SAMPLES[name])
    payload = json.loads(path.read_text())
    records = payload[1:] if name == "remoteok" else payload["jobs" if name != "arbeitnow" else "data"]
    items, quarantined, _ = parse(name, path)
    assert not quarantined and len(items) == len(records)
    for item, record in zip(items, records, strict=True):
        assert not item.problems() and item.record == record
        assert item.date_posted and item.date_posted.endswith("+00:00")
        assert item.description_html


def test_contract_real_fields_map_as_documented():
    ashby = parse("ashby", shared_sample(SAMPLES["ashby"]))[0][0]
    assert (
        ashby.workplace_type == "remote"
        and ashby.country_hints == ["PA"]
        and ashby.locations_raw == ["LatAm"]
    )
    remoteok = parse("remoteok", shared_sample(SAMPLES["remoteok"]))[0][0]
    assert remoteok.source_id == "1135929" and remoteok.salary_min is None  # salary 0 means none
    arbeitnow = parse("arbeitnow", shared_sample(SAMPLES["arbeitnow"]))[0][0]
    assert (
        arbeitnow.source_id == "ml-product-engineer-heidelberg-60723"
        and arbeitnow.date_posted_raw == 1785792634
    )
    jobicy = parse("jobicy", shared_sample(SAMPLES["jobicy"]))[0][0]
    assert (jobicy.salary_min, jobicy.salary_max, jobicy.salary_period, jobicy.country_hints) == (
        122600.0, 204400.0, "year", ["US"])  # fmt: skip
