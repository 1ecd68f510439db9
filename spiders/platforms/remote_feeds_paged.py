"""Paged remote-job feeds: Himalayas (its own cursor or offset) and The Muse (page numbers).

Himalayas: ``GET https://himalayas.app/jobs/api?limit=20``; the body is ``{"jobs": [...],
"offset", "limit", "totalCount"}`` and in current responses ``nextCursor`` (opaque; sent back as
``cursor``). A job's id is its ``guid``; ``pubDate`` is epoch seconds; ``locationRestrictions``
lists the countries a candidate may live in (names); ``minSalary``/``maxSalary`` with
``currency`` are annual. Himalayas lists remote jobs only.

The Muse: ``GET https://www.themuse.com/api/public/jobs?page={n}`` from page 0; the body is
``{"page", "page_count", "results": [...]}``; a result has ``name`` (the title), ``contents``
(HTML), ``publication_date``, ``locations`` (``{"name": "New York, NY"}``, or "Flexible /
Remote"), ``levels``, ``company.name`` and ``refs.landing_page``.
"""

from __future__ import annotations

from typing import Any

import scrapy

from spiders.items import JobPosting
from spiders.platforms.base import JobBoardApiSpider, country_codes, structured_salary, to_utc_iso
from spiders.platforms.remote_boards import REMOTE_ONLY


class HimalayasFeedSpider(JobBoardApiSpider):
    api_base = "https://himalayas.app"
    path_template = "/jobs/api"
    per_board = False
    page_size = 20
    page_size_param = "limit"

    def api_url(self, board, offset=0, page=1, extra=None):
        return super().api_url(board, offset, page, {"limit": str(self.page_size), **(extra or {})})

    def records(self, payload: Any) -> list[Any]:
        return list(payload["jobs"])

    def next_page(self, payload, records, board, offset, page) -> scrapy.Request | None:
        cursor = payload.get("nextCursor")
        if cursor:
            return self.page_request(board, page=page + 1, extra={"cursor": str(cursor)})
        if "nextCursor" in payload:  # present and empty: the last page
            return None
        # older responses: offset paging up to totalCount
        start = int(payload.get("offset") or offset)
        following = start + len(records)
        total = payload.get("totalCount")
        if isinstance(total, int) and following >= total:
            return None
        return self.page_request(board, following, page + 1, extra={"offset": str(following)})

    def parse_record(self, record: Any, board: str | None) -> JobPosting:
        where = [str(x) for x in record.get("locationRestrictions") or [] if x]
        return JobPosting(
            source=self.name,
            source_id=str(record["guid"]),
            url=record.get("applicationLink") or record["guid"],
            title=record["title"].strip(),
            company=record.get("companyName") or None,
            description_html=record.get("description") or record.get("excerpt"),
            locations_raw=where,
            date_posted=to_utc_iso(record.get("pubDate")),
            date_posted_raw=record.get("pubDate"),
            employment_type=record.get("employmentType") or None,
            workplace_type_raw=REMOTE_ONLY,
            workplace_type="remote",
            country_hints=country_codes(where),
            **structured_salary(
                {k: record[k] for k in ("minSalary", "maxSalary", "currency") if record.get(k) is not None},
                record.get("minSalary"),
                record.get("maxSalary"),
                record.get("currency"),
                "year",
            ),
        )


class MusePublicJobsSpider(JobBoardApiSpider):
    api_base = "https://www.themuse.com"
    path_template = "/api/public/jobs"
    per_board = False
    page_number_param = "page"

    async def start(self):
        yield self.page_request(None, page=0)

    def records(self, payload: Any) -> list[Any]:
        return list(payload["results"])

    def next_page(self, payload, records, board, offset, page) -> scrapy.Request | None:
        count = payload.get("page_count")
        if isinstance(count, int) and page + 1 >= count:
            return None
        return self.page_request(board, page=page + 1)

    def parse_record(self, record: Any, board: str | None) -> JobPosting:
        places = [
            str((loc or {}).get("name")).strip()
            for loc in record.get("locations") or []
            if (loc or {}).get("name")
        ]
        remote = any("remote" in p.lower() for p in places)
        return JobPosting(
            source=self.name,
            source_id=str(record["id"]),
            url=(record.get("refs") or {})["landing_page"],
            title=record["name"].strip(),
            company=(record.get("company") or {}).get("name"),
            description_html=record.get("contents"),
            locations_raw=places,
            date_posted=to_utc_iso(record.get("publication_date")),
            date_posted_raw=record.get("publication_date"),
            employment_type=record.get("type") or None,
            # "Flexible / Remote" is The Muse's own location bucket: kept raw, judged by the extractor
            workplace_type_raw="location: Flexible / Remote" if remote else None,
            workplace_type="remote" if remote else None,
        )
