"""Job boards that publish RSS 2.0 feeds: We Work Remotely.

``GET https://weworkremotely.com/remote-jobs.rss`` (every job) or one category's feed
(``/categories/remote-programming-jobs.rss``; ``-a feeds=categories/remote-programming-jobs,...``).
Each ``<item>`` is one job: ``<title>`` is "Company: Role", ``<link>``/``<guid>`` the job's page
(its id here), ``<description>`` the whole ad as escaped HTML, ``<region>`` where a candidate may
live ("Anywhere in the World", "USA Only"), ``<country>``/``<state>`` where sent, ``<category>``,
``<type>`` and ``<pubDate>`` (RFC 822). The record kept is the item's elements as a flat object
(tag -> text). We Work Remotely lists remote jobs only.
"""

from __future__ import annotations

from email.utils import parsedate_to_datetime
from typing import Any

from parsel import Selector
from scrapy.http import Response

from spiders.items import JobPosting
from spiders.platforms.base import JobBoardApiSpider, country_codes, to_utc_iso
from spiders.platforms.remote_boards import REMOTE_ONLY


def rfc822_to_iso(value: str | None) -> str | None:
    """RSS dates ("Wed, 22 Jul 2026 15:08:21 +0000") in ISO 8601, UTC; ISO input passes through."""
    if not value or not value.strip():
        return None
    try:
        parsed = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError):
        return to_utc_iso(value)
    return to_utc_iso(parsed.isoformat())


def items_of(body: bytes) -> list[dict[str, str]]:
    """Every ``<item>`` of an RSS body as ``{tag: text}``, namespaces dropped; raises ValueError
    on a body that is not an RSS document."""
    selector = Selector(body=body, type="xml")
    selector.remove_namespaces()
    if not selector.xpath("/rss | /feed | /*[local-name()='RDF']"):
        raise ValueError("not an RSS document")
    records = []
    for item in selector.xpath("//item"):
        record: dict[str, str] = {}
        for child in item.xpath("./*"):
            tag = child.xpath("name()").get()
            record.setdefault(tag, child.xpath("string(.)").get("").strip())
        records.append(record)
    return records


class RssFeedSpider(JobBoardApiSpider):
    """One or more RSS feeds of one board; each feed path is the item's ``board``."""

    per_board = False
    feed_paths: tuple[str, ...] = ()

    def __init__(self, feeds: str | list[str] | None = None, **kwargs):
        super().__init__(**kwargs)
        if isinstance(feeds, str):
            feeds = [f.strip().strip("/") for f in feeds.split(",") if f.strip()]
        self.feeds = list(feeds or self.feed_paths)

    async def start(self):
        for feed in self.feeds:
            yield self.page_request(feed)

    def api_url(self, board, offset=0, page=1, extra=None):
        return self.endpoint(f"/{board.removesuffix('.rss')}.rss")

    def decode(self, response: Response) -> tuple[Any, tuple[str, str] | None]:
        body = response.body
        if not body.strip():
            return None, ("empty_body", "the response body is empty")
        try:
            return items_of(body), None
        except ValueError as exc:
            return None, ("not_rss", str(exc)[:200])

    def records(self, payload: Any) -> list[Any]:
        return list(payload)

    def next_page(self, payload, records, board, offset, page):
        return None  # a feed is one document


class WeWorkRemotelyFeedSpider(RssFeedSpider):
    api_base = "https://weworkremotely.com"
    feed_paths = ("remote-jobs",)

    def parse_record(self, record: Any, board: str | None) -> JobPosting:
        heading = record["title"].strip()
        company, sep, title = heading.partition(": ")
        if not sep:  # no "Company: " prefix: the whole heading is the title
            company, title = "", heading
        link = record.get("link") or record["guid"]
        region = (record.get("region") or "").strip()
        places = [p for p in (region, record.get("country", "").strip()) if p]
        return JobPosting(
            source=self.name,
            source_id=(record.get("guid") or link).strip(),
            url=link.strip(),
            title=title.strip(),
            company=company.strip() or None,
            description_html=record.get("description"),
            locations_raw=places,
            date_posted=rfc822_to_iso(record.get("pubDate")),
            date_posted_raw=record.get("pubDate") or None,
            employment_type=record.get("type") or None,
            workplace_type_raw=REMOTE_ONLY,
            workplace_type="remote",
            country_hints=country_codes(record.get("country")),
        )
