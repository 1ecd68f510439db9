"""SmartRecruiters posting API: the list ``GET /v1/companies/{company}/postings`` (``offset`` /
``limit``, ``totalFound``), then each posting's detail (its ``ref``), which alone carries the ad.

A list entry has the title, ``releasedDate``, ``location`` (``city``, ``region``, ``country`` as a
lower-case ISO code, ``remote`` and in newer responses ``hybrid``), ``typeOfEmployment`` and
``experienceLevel``; the detail adds ``jobAd.sections`` (company description, job description,
qualifications, additional information: HTML each) and ``postingUrl``. The item is built from the
detail; the untouched record is the detail too.
"""

from __future__ import annotations

from typing import Any

import scrapy
from scrapy.http import Response

from spiders.items import JobPosting
from spiders.platforms.base import JobBoardApiSpider, swap_host, to_utc_iso, utc_now

SECTIONS = ("companyDescription", "jobDescription", "qualifications", "additionalInformation")


class SmartRecruitersPostingsSpider(JobBoardApiSpider):
    api_base = "https://api.smartrecruiters.com"
    path_template = "/v1/companies/{board}/postings"
    page_param = "offset"
    page_size_param = "limit"
    page_size = 100

    def records(self, payload: Any) -> list[Any]:
        content = payload["content"]
        if not isinstance(content, list):
            raise TypeError("SmartRecruiters' content is not a list")
        return content

    def next_page(self, payload, records, board, offset, page) -> scrapy.Request | None:
        total = payload.get("totalFound") if isinstance(payload, dict) else None
        if isinstance(total, int) and offset + len(records) >= total:
            return None
        return super().next_page(payload, records, board, offset, page)

    def to_item(self, record: Any, board: str | None, url: str, fetched_at: str):
        # a list entry is not a posting yet: ask for its detail
        try:
            detail_url = record.get("ref") or f"{self.api_base}/v1/companies/{board}/postings/{record['id']}"
        except (AttributeError, KeyError, TypeError) as exc:
            yield self.quarantine("malformed_record", repr(exc)[:300], url, fetched_at, record)
            return
        yield scrapy.Request(
            swap_host(detail_url, self.base_url),
            callback=self.parse_detail,
            errback=self.on_error,
            cb_kwargs={"board": board},
        )

    def parse_detail(self, response: Response, board: str | None):
        fetched_at = utc_now()
        payload, unreadable = self.decoded(response, fetched_at)
        if unreadable:
            yield unreadable
            return
        yield from JobBoardApiSpider.to_item(self, payload, board, response.url, fetched_at)

    def parse_record(self, record: Any, board: str | None) -> JobPosting:
        location = record.get("location") or {}
        place = location.get("fullLocation") or ", ".join(
            str(p)
            for p in (location.get("city"), location.get("region"), (location.get("country") or "").upper())
            if p
        )
        if location.get("remote"):
            workplace = "remote"
        elif location.get("hybrid"):
            workplace = "hybrid"
        else:
            workplace = None  # "not remote" in this field is not a statement that the job is on-site
        sections = ((record.get("jobAd") or {}).get("sections")) or {}
        description = "\n".join(
            f"<h3>{s.get('title') or ''}</h3>{s.get('text') or ''}"
            for s in (sections.get(name) or {} for name in SECTIONS)
            if s.get("text")
        )
        country = location.get("country")
        company = (record.get("company") or {}).get("name")
        return JobPosting(
            source=self.name,
            source_id=str(record["id"]),
            url=record.get("postingUrl") or f"https://jobs.smartrecruiters.com/{board}/{record['id']}",
            title=record["name"].strip(),
            company=company or board,
            description_html=description or None,
            locations_raw=[place] if place else [],
            date_posted=to_utc_iso(record.get("releasedDate")),
            date_posted_raw=record.get("releasedDate"),
            employment_type=(record.get("typeOfEmployment") or {}).get("label"),
            workplace_type_raw=", ".join(
                f"{k}={str(location[k]).lower()}" for k in ("remote", "hybrid") if k in location
            )
            or None,
            workplace_type=workplace,
            country_hints=[country.upper()] if isinstance(country, str) and len(country) == 2 else [],
        )
