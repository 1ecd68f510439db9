"""Greenhouse job board API: ``GET /v1/boards/{board}/jobs?content=true``.

One page holds every job of a board (``meta.total`` counts them). Quirk: ``content`` is HTML
that has been HTML-escaped once more (``&lt;p&gt;``), so it is unescaped before it is stored.
"""

from __future__ import annotations

import html
from typing import Any

from spiders.items import JobPosting
from spiders.platforms.base import JobBoardApiSpider, to_utc_iso


class GreenhouseBoardSpider(JobBoardApiSpider):
    api_base = "https://boards-api.greenhouse.io"
    path_template = "/v1/boards/{board}/jobs"
    query = {"content": "true"}

    def records(self, payload: Any) -> list[Any]:
        jobs = payload["jobs"]
        if not isinstance(jobs, list):
            raise TypeError("`jobs` is not a list")
        return jobs

    def parse_record(self, record: Any, board: str | None) -> JobPosting:
        locations = []
        location = (record.get("location") or {}).get("name")
        if location:
            locations.append(location.strip())
        for office in record.get("offices") or []:
            name = (office or {}).get("name")
            if name and name.strip() not in locations:
                locations.append(name.strip())
        content = record.get("content")
        salary = self.pay_range(record.get("pay_input_ranges"))
        return JobPosting(
            source=self.name,
            source_id=str(record["id"]),
            url=record["absolute_url"],
            title=record["title"].strip(),
            company=record.get("company_name") or board,
            description_html=html.unescape(content) if content else None,
            locations_raw=locations,
            date_posted=to_utc_iso(record.get("first_published") or record.get("updated_at")),
            date_posted_raw=record.get("first_published") or record.get("updated_at"),
            **salary,
        )

    @staticmethod
    def pay_range(ranges: Any) -> dict[str, Any]:
        """``pay_input_ranges`` (present with ``pay_transparency=true``): cents, yearly by default."""
        if not ranges:
            return {}
        first = ranges[0]
        return {
            "salary_raw": ranges,
            "salary_min": first["min_cents"] / 100 if first.get("min_cents") else None,
            "salary_max": first["max_cents"] / 100 if first.get("max_cents") else None,
            "salary_currency": (first.get("currency_type") or "").upper() or None,
            "salary_period": "year",
        }
