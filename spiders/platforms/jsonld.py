"""Career pages and job boards that publish schema.org ``JobPosting`` JSON-LD.

Found through sitemaps (``-a sitemaps=https://example.com/sitemap.xml``, followed as Scrapy's
SitemapSpider does: sitemap indexes, robots.txt ``Sitemap:`` lines) or given as pages
(``-a pages=url1,url2``); ``-a job_urls=REGEX`` keeps only the sitemap entries that are job pages.
Every ``<script type="application/ld+json">`` block of a page is read; a ``JobPosting`` may sit at
the top, in a list or in an ``@graph``. A page with none is counted, not quarantined (a sitemap
lists every page of a site); a block that is not JSON, or a JobPosting without a title, is
quarantined with the reason.

Mapping (schema.org → item): ``identifier`` (``value`` or the text) → source_id, else the posting's
``url``, else the page URL; ``hiringOrganization.name`` → company; ``jobLocation[].address`` →
locations and country hints; ``jobLocationType = TELECOMMUTE`` → remote; ``applicantLocation
Requirements`` → country hints; ``baseSalary`` (``currency``, ``value.minValue`` / ``maxValue`` /
``value``, ``unitText`` YEAR … HOUR) → salary; ``datePosted`` → date_posted.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from html import unescape
from typing import Any

import scrapy
from scrapy.http import Response
from scrapy.spiders import SitemapSpider

from spiders.items import JobPosting
from spiders.platforms.base import Quarantines, country_codes, structured_salary, to_utc_iso, utc_now

UNITS = {"YEAR": "year", "MONTH": "month", "WEEK": "week", "DAY": "day", "HOUR": "hour"}


def as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def job_postings(data: Any) -> Iterator[dict]:
    """Every JobPosting object in a JSON-LD document, wherever it sits."""
    for node in as_list(data):
        if not isinstance(node, dict):
            continue
        types = as_list(node.get("@type"))
        if "JobPosting" in types:
            yield node
        yield from job_postings(node.get("@graph"))


def text_of(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("name") or value.get("value") or value.get("@id")
    return str(value).strip() if value not in (None, "") else None


def address_text(place: Any) -> tuple[str | None, str | None]:
    """(the place as text, its country as text) from a schema.org Place or a plain string."""
    if isinstance(place, str):
        return place.strip() or None, None
    address = (place or {}).get("address") if isinstance(place, dict) else None
    if isinstance(address, str):
        return address.strip() or None, None
    address = address or {}
    country = text_of(address.get("addressCountry"))
    parts = [text_of(address.get(k)) for k in ("addressLocality", "addressRegion")] + [country]
    return ", ".join(p for p in parts if p) or text_of(place), country


class JsonLdJobPostingSpider(Quarantines, SitemapSpider):
    def __init__(self, sitemaps: str | None = None, pages: str | None = None, job_urls: str = "", **kwargs):
        self.sitemap_urls = [u.strip() for u in (sitemaps or "").split(",") if u.strip()]
        self.pages = [u.strip() for u in (pages or "").split(",") if u.strip()]
        self.sitemap_rules = [(job_urls, "parse_page")]
        kwargs.pop("boards", None)
        kwargs.pop("base_url", None)  # the URLs given are the real ones
        super().__init__(**kwargs)
        if not self.sitemap_urls and not self.pages:
            raise ValueError(f"spider {self.name!r} needs -a sitemaps=URL,... or -a pages=URL,...")

    async def start(self) -> AsyncIterator[scrapy.Request]:
        async for request in super().start():
            yield request
        for url in self.pages:
            yield scrapy.Request(url, callback=self.parse_page, errback=self.on_error)

    def _parse_sitemap(self, response: Response):
        # the job pages a sitemap lists get the errback too: a dead page is quarantined, not lost
        for request in super()._parse_sitemap(response):
            yield request.replace(errback=self.on_error) if request.errback is None else request

    def parse_page(self, response: Response) -> Iterator[Any]:
        fetched_at = utc_now()
        found = 0
        for block in response.xpath('//script[@type="application/ld+json"]/text()').getall():
            try:
                data = json.loads(block)
            except ValueError as exc:
                yield self.quarantine("bad_jsonld", str(exc)[:200], response.url, fetched_at, block[:2000])
                continue
            for posting in job_postings(data):
                found += 1
                try:
                    item = self.parse_record(posting, response.url)
                except (KeyError, TypeError, ValueError, AttributeError) as exc:
                    yield self.quarantine(
                        "malformed_record", repr(exc)[:300], response.url, fetched_at, posting
                    )
                    continue
                item.fetched_at = fetched_at
                item.record = posting
                yield item
        if not found:
            self.crawler.stats.inc_value(f"jobs/{self.name}/pages_without_jobposting")

    def parse_record(self, record: dict, page_url: str) -> JobPosting:
        title = text_of(record.get("title")) or text_of(record.get("name"))
        if not title:
            raise ValueError("JobPosting without a title")
        identifier = record.get("identifier")
        source_id = text_of(identifier.get("value") if isinstance(identifier, dict) else identifier)
        url = text_of(record.get("url")) or page_url
        places, countries = [], []
        for place in as_list(record.get("jobLocation")):
            text, country = address_text(place)
            if text:
                places.append(text)
            countries += country_codes(country)
        for requirement in as_list(record.get("applicantLocationRequirements")):
            countries += country_codes(text_of(requirement))
        remote = any(str(t).upper() == "TELECOMMUTE" for t in as_list(record.get("jobLocationType")))
        description = record.get("description")
        if isinstance(description, str) and "&lt;" in description and "<" not in description:
            description = unescape(description)  # some sites escape the HTML twice
        return JobPosting(
            source=self.name,
            source_id=source_id or url,
            url=url,
            title=unescape(title),
            company=text_of(record.get("hiringOrganization")),
            description_html=description,
            locations_raw=places,
            date_posted=to_utc_iso(record.get("datePosted")),
            date_posted_raw=record.get("datePosted"),
            employment_type=", ".join(str(t) for t in as_list(record.get("employmentType"))) or None,
            workplace_type_raw="jobLocationType=TELECOMMUTE" if remote else None,
            workplace_type="remote" if remote else None,
            country_hints=list(dict.fromkeys(countries)),
            **self.salary(record.get("baseSalary")),
        )

    @staticmethod
    def salary(base: Any) -> dict[str, Any]:
        if not isinstance(base, dict):
            return {}
        value = base.get("value")
        if isinstance(value, dict):
            low = value.get("minValue", value.get("value"))
            high = value.get("maxValue", value.get("value"))
            unit = value.get("unitText") or base.get("unitText")
        else:
            low = high = value
            unit = base.get("unitText")
        return structured_salary(base, low, high, base.get("currency"), UNITS.get(str(unit or "").upper()))
