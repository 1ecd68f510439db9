"""We Work Remotely: the RSS fixture field by field, a broken feed, and real records replayed."""

import pytest
from scrapy.http import TextResponse

from spiders.items import JobPosting, QuarantinedRecord
from spiders.platforms.rss import rfc822_to_iso
from spiders.weworkremotely import WeworkremotelySpider
from tests.conftest import API_FIXTURES

FEED = API_FIXTURES / "remote-jobs.rss"


def parse(body: bytes):
    spider = WeworkremotelySpider()
    response = TextResponse(
        url=spider.api_url("remote-jobs"), body=body, headers={"Content-Type": "application/rss+xml"}
    )
    return list(spider.parse_page(response, board="remote-jobs", offset=0, page=1))


def test_items_field_by_field():
    out = parse(FEED.read_bytes())
    backend, designer = [o for o in out if isinstance(o, JobPosting)]
    assert (
        backend.source_id
        == backend.url
        == "https://weworkremotely.com/remote-jobs/orbit-labs-senior-backend-engineer"
    )
    assert (backend.company, backend.title) == ("Orbit Labs", "Senior Backend Engineer")
    assert backend.locations_raw == ["USA Only", "United States"] and backend.country_hints == ["US"]
    assert backend.date_posted == "2026-10-06T14:00:00+00:00"
    assert (
        "<p>We build in Go and Postgres.</p>" in backend.description_html
    )  # the escaped HTML, unescaped once
    assert backend.workplace_type == "remote" and backend.employment_type == "Full-Time"
    # no "Company: " prefix: the whole heading is the title; an offset date in UTC
    assert designer.company is None and designer.title == "Product Designer"
    assert designer.date_posted == "2026-10-05T13:30:00+00:00"
    assert designer.record["region"] == "Anywhere in the World"
    [untitled] = [o for o in out if isinstance(o, QuarantinedRecord)]
    assert untitled.reason == "malformed_record" and "title" in untitled.detail


def test_a_body_that_is_not_rss_is_quarantined():
    [out] = parse(b"<html><body>Service unavailable</body></html>")
    assert isinstance(out, QuarantinedRecord) and out.reason == "not_rss"


@pytest.mark.parametrize(("raw", "iso"), [
    ("Wed, 22 Jul 2026 15:08:21 +0000", "2026-07-22T15:08:21+00:00"),
    ("Mon, 05 Oct 2026 09:30:00 -0400", "2026-10-05T13:30:00+00:00"),
    ("2026-10-05T09:30:00Z", "2026-10-05T09:30:00+00:00"),
    ("", None),
])  # fmt: skip
def test_rss_dates(raw, iso):
    assert rfc822_to_iso(raw) == iso


def test_contract_real_records_replayed_as_rss_items():
    from spiders import replay

    if not (replay.shared_dir() / "real" / "weworkremotely").is_dir():
        pytest.skip("../shared/real is not here (a fresh clone has no ../shared)")
    records = replay.read_real("weworkremotely")
    items = list(replay.items("weworkremotely", records))
    assert len(items) == len(records) and all(isinstance(i, JobPosting) and not i.problems() for i in items)
    assert [i.source_id for i in items] == [r["url"] for r in records]
    assert all(
        i.company == r["company"] and i.title == r["title"] for i, r in zip(items, records, strict=True)
    )
