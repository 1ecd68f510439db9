"""Workable's public widget API: ``GET /api/v1/widget/accounts/{account}?details=true``, one page.

The body is ``{"name": <company>, "description": ..., "jobs": [...]}``; with ``details=true``
each job has its ``description`` (HTML). A job has ``shortcode`` (its id), ``published_on`` (a
date), ``telecommuting`` (true = remote), ``locations`` (``city``, ``region``, ``country``,
``countryCode``), ``employment_type`` and ``url``.
"""

from __future__ import annotations

from typing import Any

from spiders.items import JobPosting
from spiders.platforms.base import JobBoardApiSpider, to_utc_iso


class WorkableWidgetSpider(JobBoardApiSpider):
    api_base = "https://apply.workable.com"
    path_template = "/api/v1/widget/accounts/{board}"
    query = {"details": "true"}

    def records(self, payload: Any) -> list[Any]:
        jobs = payload["jobs"]
        if not isinstance(jobs, list):
            raise TypeError("Workable's jobs is not a list")
        # the company name is the account's, once per body: carried on each record for parse_record
        self._company = payload.get("name")
        return jobs

    def parse_record(self, record: Any, board: str | None) -> JobPosting:
        locations = [loc for loc in record.get("locations") or [] if not (loc or {}).get("hidden")]
        if not locations and (record.get("city") or record.get("country")):
            locations = [
                {"city": record.get("city"), "region": record.get("state"), "country": record.get("country")}
            ]
        places = [
            ", ".join(str(p) for p in (loc.get("city"), loc.get("region"), loc.get("country")) if p)
            for loc in locations
        ]
        codes = [
            str(loc["countryCode"]).upper()
            for loc in locations
            if len(str(loc.get("countryCode") or "")) == 2
        ]
        telecommuting = record.get("telecommuting")
        return JobPosting(
            source=self.name,
            source_id=str(record["shortcode"]),
            url=record.get("url") or record["shortlink"],
            title=record["title"].strip(),
            company=getattr(self, "_company", None) or board,
            description_html=record.get("description"),
            locations_raw=[p for p in places if p],
            date_posted=to_utc_iso(record.get("published_on") or record.get("created_at")),
            date_posted_raw=record.get("published_on") or record.get("created_at"),
            employment_type=record.get("employment_type") or None,
            workplace_type_raw=None
            if telecommuting is None
            else f"telecommuting={str(telecommuting).lower()}",
            workplace_type="remote" if telecommuting is True else None,
            country_hints=list(dict.fromkeys(codes)),
        )
