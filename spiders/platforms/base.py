"""Shared code for spiders over public job-board JSON APIs.

Contract for a platform or source spider (a subclass):

- ``api_base``: the real scheme and host (``https://boards-api.greenhouse.io``). A ``base_url``
  spider argument replaces only the scheme and host, never the path, so that tests and the demo
  replay server answer under the real paths.
- ``path_template``: the API path, with ``{board}`` for per-company boards, and ``query``: the
  fixed query parameters.
- ``per_board``: whether the spider needs ``boards`` (``-a boards=a,b``).
- ``page_param`` / ``page_size``: offset paging (``skip``/``limit`` style); ``None`` for one page.
  ``-a page_size=N`` overrides the page size (tests page through small fixtures with it).
  ``page_number_param``: page-number paging (``page=1, 2, ...``) instead. ``next_page`` decides
  whether to ask for another page; a source with its own paging signal (a ``next`` link, a page
  count, a cursor) overrides it, and every source stops at an empty page.
- ``records(payload)``: the list of job records in a decoded body.
- ``parse_record(record, board)``: one record to one :class:`JobPosting`. Raising ``KeyError``,
  ``TypeError`` or ``ValueError`` quarantines the record as ``malformed_record``.

Whatever cannot become an item (an HTTP error after retries, a body that is not JSON, a record
that does not parse) is yielded as a :class:`QuarantinedRecord` with its reason; nothing is
dropped silently and nothing crashes the crawl.
"""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator, Iterable, Iterator
from datetime import UTC, datetime
from typing import Any, ClassVar
from urllib.parse import urlencode, urlsplit

import scrapy
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from spiders.items import JobPosting, QuarantinedRecord

BODY_EXCERPT = 500


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def to_utc_iso(value: Any) -> str | None:
    """ISO 8601 (any offset), epoch seconds or epoch milliseconds, to ISO 8601 in UTC."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError(f"not a date: {value!r}")
    if isinstance(value, int | float) or (isinstance(value, str) and value.strip().isdigit()):
        number = float(value)
        # Lever sends milliseconds, most others seconds; 1e11 s is the year 5138.
        seconds = number / 1000 if number > 1e11 else number
        return datetime.fromtimestamp(seconds, UTC).isoformat(timespec="seconds")
    text = str(value).strip().replace("Z", "+00:00")
    parsed = datetime.fromisoformat(text)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC).isoformat(timespec="seconds")


def amount(value: Any) -> float | None:
    """A salary figure as sent (number or numeric string); 0 and blanks mean none."""
    if value in (None, "", 0, "0"):
        return None
    number = float(str(value).replace(",", ""))
    return number if number > 0 else None


def structured_salary(raw: Any, low: Any, high: Any, currency: Any, period: str | None) -> dict[str, Any]:
    """The item's salary fields from an API's own: a single figure is both bounds, and currency
    and period are kept only beside an amount (a currency alone is no salary)."""
    low, high = amount(low), amount(high)
    has_pay = bool(low or high)
    return {
        "salary_raw": raw if raw not in ({}, "", None) else None,
        "salary_min": low or high,
        "salary_max": high or low,
        "salary_currency": (str(currency or "").upper() or None) if has_pay else None,
        "salary_period": period if has_pay else None,
    }


# Names boards use that are not ISO 3166 names or codes.
COUNTRY_ALIASES = {"uk": "GB", "usa": "US", "us": "US", "united states of america": "US", "england": "GB",
                   "scotland": "GB", "wales": "GB", "south korea": "KR", "russia": "RU", "vietnam": "VN",
                   "turkey": "TR", "czech republic": "CZ", "the netherlands": "NL", "holland": "NL"}  # fmt: skip


def country_codes(text: Any) -> list[str]:
    """ISO 3166-1 alpha-2 codes of the countries a structured field names outright
    ("USA", "Canada, Germany", "United Kingdom"); regions ("EMEA", "Anywhere") give none."""
    import pycountry  # late: only the spiders that read country fields need it

    if not text:
        return []
    parts = text if isinstance(text, list) else re.split(r"\s*(?:,|/|;|\||\bor\b|\band\b)\s*", str(text))
    codes: list[str] = []
    for part in parts:
        name = str(part).strip().strip("()").strip()
        if not name:
            continue
        code = COUNTRY_ALIASES.get(name.lower())
        if code is None and (len(name) > 3 or name.isupper()):
            try:
                code = pycountry.countries.lookup(name).alpha_2
            except LookupError:
                code = None
        if code and code not in codes:
            codes.append(code)
    return codes


def company_from_slug(slug: str | None) -> str | None:
    """A display name from a board's slug, for the APIs that send no company name."""
    return slug.replace("-", " ").title() if slug else None


def swap_host(url: str, base_url: str | None) -> str:
    """Replace scheme and host of ``url`` with those of ``base_url``, keeping path and query."""
    if not base_url:
        return url
    base = urlsplit(base_url)
    parts = urlsplit(url)
    return parts._replace(scheme=base.scheme, netloc=base.netloc).geturl()


class Quarantines:
    """What cannot become an item, kept with its reason: shared by every spider, API or not."""

    def on_error(self, failure: Failure) -> Iterator[QuarantinedRecord]:
        request = failure.request
        if failure.check(HttpError):
            status = failure.value.response.status
            reason, detail = f"http_{status}", f"HTTP {status} after retries"
        else:
            reason, detail = "fetch_failed", f"{failure.type.__name__}: {failure.getErrorMessage()}"[:300]
        self.logger.error("%s: %s (%s)", self.name, detail, request.url)
        yield self.quarantine(reason, detail, request.url, utc_now(), None)

    def quarantine(self, reason: str, detail: str, url: str | None, fetched_at: str, record: Any):
        return QuarantinedRecord(
            source=self.name, reason=reason, detail=detail, url=url, fetched_at=fetched_at, record=record
        )


class JobBoardApiSpider(Quarantines, scrapy.Spider):
    api_base: ClassVar[str] = ""
    path_template: ClassVar[str] = ""
    query: ClassVar[dict[str, str]] = {}
    per_board: ClassVar[bool] = True
    page_param: ClassVar[str | None] = None
    page_size_param: ClassVar[str | None] = None
    page_size: ClassVar[int] = 100
    page_number_param: ClassVar[str | None] = None
    max_pages: ClassVar[int] = 1000  # a guard against an API that never runs dry

    def __init__(
        self,
        base_url: str | None = None,
        boards: str | list[str] | None = None,
        page_size: str | int | None = None,
        **kwargs,
    ):
        super().__init__(**kwargs)
        self.base_url = base_url or None
        if page_size is not None:
            self.page_size = int(page_size)
        if isinstance(boards, str):
            boards = [b.strip() for b in boards.split(",") if b.strip()]
        self.boards = list(boards or [])
        if self.per_board and not self.boards:
            raise ValueError(f"spider {self.name!r} needs boards, e.g. -a boards=acme,globex")

    # -- requests -------------------------------------------------------------------------
    def api_url(self, board: str | None, offset: int = 0, page: int = 1, extra: dict | None = None) -> str:
        params = dict(self.query)
        if self.page_number_param:
            params[self.page_number_param] = str(page)
        if self.page_param:
            params[self.page_param] = str(offset)
            if self.page_size_param:
                params[self.page_size_param] = str(self.page_size)
        params.update(extra or {})
        return self.endpoint(self.path_template.format(board=board or ""), params)

    def endpoint(self, path: str, params: dict | None = None) -> str:
        """The real API URL of ``path``, on the configured host when ``base_url`` is set."""
        url = f"{self.api_base}{path}" + (f"?{urlencode(params)}" if params else "")
        return swap_host(url, self.base_url)

    def page_request(
        self, board: str | None, offset: int = 0, page: int = 1, extra: dict | None = None
    ) -> scrapy.Request:
        return scrapy.Request(
            self.api_url(board, offset, page, extra),
            callback=self.parse_page,
            errback=self.on_error,
            cb_kwargs={"board": board, "offset": offset, "page": page},
            meta={"board": board},
        )

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for board in self.boards if self.per_board else [None]:
            yield self.page_request(board)

    # -- responses ------------------------------------------------------------------------
    def parse_page(self, response: Response, board: str | None, offset: int, page: int) -> Iterator[Any]:
        fetched_at = utc_now()
        payload, unreadable = self.decoded(response, fetched_at)
        if unreadable:
            yield unreadable
            return
        try:
            records = list(self.records(payload))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            yield self.quarantine(
                "unexpected_shape", repr(exc), response.url, fetched_at, self.excerpt(response)
            )
            return
        for record in records:
            yield from self.to_item(record, board, response.url, fetched_at)
        # An empty page ends the paging whatever the API's own signal says, so that a wrong
        # total or a cursor that never runs out cannot loop.
        if records and page < self.max_pages:
            following = self.next_page(payload, records, board, offset, page)
            if following is not None:
                yield following

    def next_page(
        self, payload: Any, records: list[Any], board: str | None, offset: int, page: int
    ) -> scrapy.Request | None:
        """Offset paging stops at a short page (a wrong total can neither loop nor truncate)."""
        if self.page_param and len(records) >= self.page_size:
            return self.page_request(board, offset + len(records), page + 1)
        return None

    def decoded(self, response: Response, fetched_at: str) -> tuple[Any, QuarantinedRecord | None]:
        """The body as JSON, or the quarantine record that says why it is not."""
        payload, problem = self.decode(response)
        if problem:
            return None, self.quarantine(
                problem[0], problem[1], response.url, fetched_at, self.excerpt(response)
            )
        return payload, None

    def decode(self, response: Response) -> tuple[Any, tuple[str, str] | None]:
        body = response.body
        if not body.strip():
            return None, ("empty_body", "the response body is empty")
        try:
            return json.loads(body), None
        except UnicodeDecodeError as exc:
            return None, ("bad_encoding", str(exc)[:200])
        except ValueError as exc:
            content_type = response.headers.get(b"Content-Type", b"").decode("latin-1")
            reason = (
                "html_instead_of_json" if "html" in content_type or body.lstrip()[:1] == b"<" else "not_json"
            )
            return None, (reason, f"{exc} (Content-Type: {content_type or 'none'})")

    def to_item(self, record: Any, board: str | None, url: str, fetched_at: str) -> Iterable[Any]:
        try:
            item = self.parse_record(record, board)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            yield self.quarantine("malformed_record", repr(exc)[:300], url, fetched_at, record)
            return
        item.fetched_at = fetched_at
        item.board = board
        item.record = record
        yield item

    # -- helpers --------------------------------------------------------------------------
    @staticmethod
    def excerpt(response: Response) -> str:
        return response.body[:BODY_EXCERPT].decode("utf-8", errors="replace")

    def records(self, payload: Any) -> Iterable[Any]:
        raise NotImplementedError

    def parse_record(self, record: Any, board: str | None) -> JobPosting:
        raise NotImplementedError
