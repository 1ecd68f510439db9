"""Lever postings API: ``GET /v0/postings/{company}?mode=json``, paged with ``skip``/``limit``.

The body is a bare JSON array. ``createdAt`` is epoch milliseconds; ``salaryRange.interval``
names the period (``per-year-salary``, ``per-hour-wage``, ...); ``workplaceType`` is the
board's own remote/hybrid/on-site field. The API gives no company name, only the slug.
"""

from __future__ import annotations

from typing import Any

from spiders.items import JobPosting
from spiders.platforms.base import JobBoardApiSpider, company_from_slug, structured_salary, to_utc_iso

WORKPLACE = {"remote": "remote", "hybrid": "hybrid", "on-site": "onsite", "onsite": "onsite"}
INTERVALS = {
    "per-year-salary": "year",
    "per-month-salary": "month",
    "per-week-salary": "week",
    "per-day-wage": "day",
    "per-hour-wage": "hour",
}


class LeverPostingsSpider(JobBoardApiSpider):
    api_base = "https://api.lever.co"
    path_template = "/v0/postings/{board}"
    query = {"mode": "json"}
    page_param = "skip"
    page_size_param = "limit"
    page_size = 100

    def records(self, payload: Any) -> list[Any]:
        if not isinstance(payload, list):
            raise TypeError("a Lever postings body is a JSON array")
        return payload

    def parse_record(self, record: Any, board: str | None) -> JobPosting:
        categories = record.get("categories") or {}
        locations = categories.get("allLocations") or (
            [categories["location"]] if categories.get("location") else []
        )
        workplace_raw = record.get("workplaceType")
        country = record.get("country")
        return JobPosting(
            source=self.name,
            source_id=str(record["id"]),
            url=record["hostedUrl"],
            title=record["text"].strip(),
            company=company_from_slug(board),
            description_html=self.full_description(record),
            locations_raw=[str(loc).strip() for loc in locations if loc],
            date_posted=to_utc_iso(record.get("createdAt")),
            date_posted_raw=record.get("createdAt"),
            employment_type=categories.get("commitment"),
            workplace_type_raw=workplace_raw,
            workplace_type=WORKPLACE.get(str(workplace_raw).lower()) if workplace_raw else None,
            country_hints=[country.upper()] if isinstance(country, str) and len(country) == 2 else [],
            **self.salary(record.get("salaryRange")),
        )

    @staticmethod
    def full_description(record: dict[str, Any]) -> str:
        # `description` is opening + body; the requirement lists and the closing text are apart.
        parts = [record.get("description") or ""]
        for block in record.get("lists") or []:
            parts.append(f"<h3>{block.get('text', '')}</h3><ul>{block.get('content', '')}</ul>")
        parts.append(record.get("additional") or "")
        return "\n".join(p for p in parts if p)

    @staticmethod
    def salary(salary_range: Any) -> dict[str, Any]:
        if not salary_range:
            return {}
        return structured_salary(salary_range, salary_range.get("min"), salary_range.get("max"),
                                 salary_range.get("currency"), INTERVALS.get(salary_range.get("interval")))  # fmt: skip
