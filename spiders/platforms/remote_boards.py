"""Remote-only job boards with one public JSON feed each: RemoteOK, Remotive, Arbeitnow, Jobicy.

RemoteOK, Remotive and Jobicy list remote jobs only, so their items say ``workplace_type =
remote`` with ``workplace_type_raw`` naming why (the board, not a field); the extractor still
reads the text, which may restrict or contradict it. Arbeitnow lists all kinds and has a
``remote`` flag. Each API's quirks are noted at its class.
"""

from __future__ import annotations

from typing import Any

import scrapy

from spiders.items import JobPosting
from spiders.platforms.base import JobBoardApiSpider, country_codes, structured_salary, to_utc_iso

REMOTE_ONLY = "remote-only board"


class RemoteOkFeedSpider(JobBoardApiSpider):
    """``GET https://remoteok.com/api``: a JSON array whose element 0 is a legal notice (it asks
    for a link back and for RemoteOK to be named as the source), then the jobs. ``epoch`` is
    seconds; ``salary_min``/``salary_max`` are annual USD, 0 when not given."""

    api_base = "https://remoteok.com"
    path_template = "/api"
    per_board = False

    def records(self, payload: Any) -> list[Any]:
        if not isinstance(payload, list):
            raise TypeError("a RemoteOK body is a JSON array")
        return [r for r in payload if not (isinstance(r, dict) and "legal" in r and "id" not in r)]

    def parse_record(self, record: Any, board: str | None) -> JobPosting:
        location = (record.get("location") or "").strip().strip(",").strip()
        return JobPosting(
            source=self.name,
            source_id=str(record["id"]),
            url=record.get("url") or record["apply_url"],
            title=record["position"].strip(),
            company=record.get("company") or None,
            description_html=record.get("description"),
            locations_raw=[location] if location else [],
            date_posted=to_utc_iso(record.get("date") or record.get("epoch")),
            date_posted_raw=record.get("date") or record.get("epoch"),
            workplace_type_raw=REMOTE_ONLY,
            workplace_type="remote",
            country_hints=country_codes(location),
            **structured_salary(
                {k: record[k] for k in ("salary_min", "salary_max") if k in record},
                record.get("salary_min"), record.get("salary_max"), "USD", "year",
            ),
        )  # fmt: skip


class RemotiveFeedSpider(JobBoardApiSpider):
    """``GET https://remotive.com/api/remote-jobs``: ``{"jobs": [...]}``. ``publication_date`` has
    no offset (UTC); ``salary`` is free text ("$60k - $80k"), left to the extractor;
    ``candidate_required_location`` is where a candidate may live, often a region."""

    api_base = "https://remotive.com"
    path_template = "/api/remote-jobs"
    per_board = False

    def records(self, payload: Any) -> list[Any]:
        return list(payload["jobs"])

    def parse_record(self, record: Any, board: str | None) -> JobPosting:
        where = (record.get("candidate_required_location") or "").strip()
        return JobPosting(
            source=self.name,
            source_id=str(record["id"]),
            url=record["url"],
            title=record["title"].strip(),
            company=record.get("company_name") or None,
            description_html=record.get("description"),
            locations_raw=[where] if where else [],
            date_posted=to_utc_iso(record.get("publication_date")),
            date_posted_raw=record.get("publication_date"),
            employment_type=record.get("job_type") or None,
            workplace_type_raw=REMOTE_ONLY,
            workplace_type="remote",
            country_hints=country_codes(where),
            salary_raw=record.get("salary") or None,
        )


class ArbeitnowFeedSpider(JobBoardApiSpider):
    """``GET https://www.arbeitnow.com/api/job-board-api?page={n}``: ``{"data": [...], "links":
    {"next": ...}, "meta": {...}}``. The job's id is its ``slug``; ``created_at`` is epoch seconds;
    ``remote`` is a boolean (false does not mean on-site: many listings just leave it unset)."""

    api_base = "https://www.arbeitnow.com"
    path_template = "/api/job-board-api"
    per_board = False
    page_number_param = "page"

    def records(self, payload: Any) -> list[Any]:
        return list(payload["data"])

    def next_page(self, payload, records, board, offset, page) -> scrapy.Request | None:
        links = payload.get("links") if isinstance(payload, dict) else None
        # a response without paging links (older ones) is followed until an empty page
        if isinstance(links, dict) and not links.get("next"):
            return None
        return self.page_request(board, page=page + 1)

    def parse_record(self, record: Any, board: str | None) -> JobPosting:
        location = (record.get("location") or "").strip()
        remote = record.get("remote")
        return JobPosting(
            source=self.name,
            source_id=str(record["slug"]),
            url=record["url"],
            title=record["title"].strip(),
            company=record.get("company_name") or None,
            description_html=record.get("description"),
            locations_raw=[location] if location else [],
            date_posted=to_utc_iso(record.get("created_at")),
            date_posted_raw=record.get("created_at"),
            employment_type=", ".join(record.get("job_types") or []) or None,
            workplace_type_raw=None if remote is None else f"remote={str(remote).lower()}",
            workplace_type="remote" if remote is True else None,
        )


PERIODS = {
    "yearly": "year",
    "annual": "year",
    "monthly": "month",
    "weekly": "week",
    "daily": "day",
    "hourly": "hour",
}


class JobicyFeedSpider(JobBoardApiSpider):
    """``GET https://jobicy.com/api/v2/remote-jobs?count=50``: ``{"jobs": [...]}``. ``jobGeo`` is
    where a candidate may live ("USA", "Canada, USA", "EMEA", "Anywhere"); salary in
    ``salaryMin``/``salaryMax``/``salaryCurrency``/``salaryPeriod`` (``yearly``, ``monthly``,
    ``hourly``), older responses name them ``annualSalaryMin``/``annualSalaryMax``."""

    api_base = "https://jobicy.com"
    path_template = "/api/v2/remote-jobs"
    query = {"count": "50"}
    per_board = False

    def records(self, payload: Any) -> list[Any]:
        return list(payload["jobs"])

    def parse_record(self, record: Any, board: str | None) -> JobPosting:
        geo = (record.get("jobGeo") or "").strip()
        period = record.get("salaryPeriod") or ("yearly" if "annualSalaryMin" in record else None)
        return JobPosting(
            source=self.name,
            source_id=str(record["id"]),
            url=record["url"],
            title=record["jobTitle"].strip(),
            company=record.get("companyName") or None,
            description_html=record.get("jobDescription") or record.get("jobExcerpt"),
            locations_raw=[geo] if geo else [],
            date_posted=to_utc_iso(record.get("pubDate")),
            date_posted_raw=record.get("pubDate"),
            employment_type=", ".join(record.get("jobType") or []) or None,
            workplace_type_raw=REMOTE_ONLY,
            workplace_type="remote",
            country_hints=country_codes(geo),
            **structured_salary(
                {
                    k: record[k]
                    for k in ("salaryMin", "salaryMax", "salaryCurrency", "salaryPeriod")
                    if k in record
                },
                record.get("salaryMin", record.get("annualSalaryMin")),
                record.get("salaryMax", record.get("annualSalaryMax")),
                record.get("salaryCurrency"),
                PERIODS.get(str(period).lower()),
            ),
        )


class RemoteJobsOrgFeedSpider(JobBoardApiSpider):
    """``GET https://remotejobs.org/api/v1/jobs?category={c}&limit=50&type=full-time``: ``{"data":
    [...]}``, one feed per category (``-a categories=programming,devops``; default the three tech
    ones; the category is the item's ``board``). A job has a UUID ``id``, ``company{name}``,
    ``location`` ("Remote", "Remote - India", "Spain (Remote)", now and then an office), a
    plain-text ``description``, ``posted_at`` (ISO 8601) and ``salary_min``/``salary_max`` with
    ``salary_text`` ("USD 96,000 - 136,000", once "$10,000 - $20,000"): the currency is the
    text's leading code and no period is sent (the extractor reads it from the text, or from the figures' size). The paging
    is not documented: pages are asked for while full ones come back (``meta.last_page`` or a
    null ``links.next`` end it where sent). remotejobs.org lists remote jobs only."""

    api_base = "https://remotejobs.org"
    path_template = "/api/v1/jobs"
    query = {"type": "full-time"}
    per_board = False
    page_size = 50
    page_number_param = "page"
    default_categories = ("programming", "devops", "data-science")

    def __init__(self, categories: str | list[str] | None = None, **kwargs):
        super().__init__(**kwargs)
        if isinstance(categories, str):
            categories = [c.strip() for c in categories.split(",") if c.strip()]
        self.categories = list(categories or self.default_categories)

    async def start(self):
        for category in self.categories:
            yield self.page_request(category)

    def api_url(self, board, offset=0, page=1, extra=None):
        return super().api_url(
            None, offset, page, {"category": board, "limit": str(self.page_size), **(extra or {})}
        )

    def records(self, payload: Any) -> list[Any]:
        return list(payload["data"] if "data" in payload else payload["jobs"])

    def next_page(self, payload, records, board, offset, page) -> scrapy.Request | None:
        meta = payload.get("meta") if isinstance(payload.get("meta"), dict) else {}
        links = payload.get("links") if isinstance(payload.get("links"), dict) else {}
        last = meta.get("last_page")
        if (isinstance(last, int) and page >= last) or ("next" in links and not links["next"]):
            return None
        if len(records) < self.page_size and not links.get("next"):
            return None
        return self.page_request(board, page=page + 1)

    def parse_record(self, record: Any, board: str | None) -> JobPosting:
        location = (record.get("location") or "").strip().strip(",").strip()
        salary_text = (record.get("salary_text") or "").strip()
        code = salary_text[:3] if salary_text[:3].isalpha() and salary_text[:3].isupper() else None
        if code is None and salary_text.startswith("$"):
            code = "USD"  # "$10,000 - $20,000": the board's dollar is the US one
        company = record.get("company")
        return JobPosting(
            source=self.name,
            source_id=str(record["id"]),
            url=record.get("url") or record["apply_url"],
            title=record["title"].strip(),
            company=(company.get("name") if isinstance(company, dict) else company) or None,
            description_html=record.get("description"),
            locations_raw=[location] if location else [],
            date_posted=to_utc_iso(record.get("posted_at")),
            date_posted_raw=record.get("posted_at"),
            employment_type=record.get("type") or None,
            workplace_type_raw=REMOTE_ONLY,
            workplace_type="remote",
            country_hints=country_codes(location),
            **structured_salary(
                salary_text or None, record.get("salary_min"), record.get("salary_max"), code, None,
            ),
        )  # fmt: skip
