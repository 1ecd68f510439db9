"""Ashby posting API: ``GET /posting-api/job-board/{board}?includeCompensation=true``, one page.

The body is ``{"jobs": [...]}`` (plus ``apiVersion``). ``isRemote`` is true on many hybrid
postings, so the item keeps ``workplaceType`` (``Remote`` / ``Hybrid`` / ``OnSite``) as the
structured signal and ``isRemote`` only in the raw record; the extractor checks both against the
text. ``compensation.summaryComponents`` holds the pay: the ``Salary`` component's min, max,
currency and interval (``1 YEAR``, ``1 HOUR``, ...); equity and bonus components are not salary.
"""

from __future__ import annotations

from typing import Any

from spiders.items import JobPosting
from spiders.platforms.base import (
    JobBoardApiSpider,
    company_from_slug,
    country_codes,
    structured_salary,
    to_utc_iso,
)

WORKPLACE = {"remote": "remote", "hybrid": "hybrid", "onsite": "onsite", "on-site": "onsite"}
INTERVALS = {"1 YEAR": "year", "1 MONTH": "month", "1 WEEK": "week", "1 DAY": "day", "1 HOUR": "hour"}


class AshbyJobBoardSpider(JobBoardApiSpider):
    api_base = "https://api.ashbyhq.com"
    path_template = "/posting-api/job-board/{board}"
    query = {"includeCompensation": "true"}

    def records(self, payload: Any) -> list[Any]:
        jobs = payload["jobs"]
        if not isinstance(jobs, list):
            raise TypeError("Ashby's jobs is not a list")
        return jobs

    def parse_record(self, record: Any, board: str | None) -> JobPosting:
        if record.get("isListed") is False:
            raise ValueError("unlisted job (isListed false)")
        locations = [record.get("location")] + [
            (s or {}).get("location") for s in record.get("secondaryLocations") or []
        ]
        workplace_raw = record.get("workplaceType")
        countries = []
        for address in [record.get("address")] + [
            (s or {}).get("address") for s in record.get("secondaryLocations") or []
        ]:
            countries += country_codes(((address or {}).get("postalAddress") or {}).get("addressCountry"))
        return JobPosting(
            source=self.name,
            source_id=str(record["id"]),
            url=record["jobUrl"],
            title=record["title"].strip(),
            company=company_from_slug(board),
            description_html=record.get("descriptionHtml") or record.get("descriptionPlain"),
            locations_raw=[str(loc).strip() for loc in locations if loc],
            date_posted=to_utc_iso(record.get("publishedAt")),
            date_posted_raw=record.get("publishedAt"),
            employment_type=record.get("employmentType"),
            workplace_type_raw=workplace_raw,
            workplace_type=WORKPLACE.get(str(workplace_raw).lower()) if workplace_raw else None,
            country_hints=list(dict.fromkeys(countries)),
            **self.salary(record.get("compensation")),
        )

    @staticmethod
    def salary(compensation: Any) -> dict[str, Any]:
        if not compensation:
            return {}
        components = compensation.get("summaryComponents") or []
        pay = next((c for c in components if (c or {}).get("compensationType") == "Salary"), None)
        raw = compensation.get("compensationTierSummary") or compensation
        if not pay:
            return {"salary_raw": raw}
        period = INTERVALS.get(str(pay.get("interval") or "").upper())
        return structured_salary(
            raw, pay.get("minValue"), pay.get("maxValue"), pay.get("currencyCode"), period
        )
