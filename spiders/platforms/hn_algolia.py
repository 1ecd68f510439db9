"""Hacker News "Ask HN: Who is hiring?" threads through the Algolia HN API (``hn.algolia.com``).

For each month asked (``months``: ``2018-03,2018-04`` or a range ``2018-03..2024-12``; default the
current and the previous month, whose threads still grow), one search finds the month's thread:
``GET /api/v1/search_by_date?tags=story,author_whoishiring&numericFilters=created_at_i>=S,
created_at_i<E`` (the account also posts "Who wants to be hired?" and "Freelancer?" threads, so
the title picks the right one). ``GET /api/v1/items/{id}`` then gives the thread's comment tree;
every top-level comment is one posting. Deleted and dead comments (no text) are counted, not
landed. The record kept is the comment without its replies (other people's words, not the ad).

A comment's first line is usually ``Company | Role | Location | REMOTE | $salary``; the parts are
read by what they look like, since the order varies, and the whole text goes to the extractor.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, date, datetime
from html import unescape
from typing import Any

import scrapy
from scrapy.http import Response

from pipelines.positions import header_parts
from spiders.items import JobPosting
from spiders.platforms.base import JobBoardApiSpider, to_utc_iso, utc_now

THREAD_TITLE = re.compile(r"^\s*Ask HN:\s*Who is hiring\?", re.I)
MONTH = re.compile(r"^(\d{4})-(\d{2})$")
ROLE_WORDS = re.compile(
    r"engineer|developer|scientist|researcher|designer|manager|analyst|architect|lead|head of|director|"
    r"devops|sre\b|intern|programmer|founding|cto|vp\b|specialist|consultant|administrator|recruiter|writer",
    re.I,
)
WORKPLACE_WORDS = re.compile(r"\b(remote|onsite|on-site|on site|hybrid|in[- ]office)\b", re.I)
PAY = re.compile(r"[$€£₹]|\b\d{2,3}\s?k\b|\bsalary\b|\bequity\b|\bUSD|EUR|GBP\b", re.I)
EMPLOYMENT = re.compile(r"\b(full[- ]?time|part[- ]?time|contract|intern(ship)?|freelance|ft|pt)\b", re.I)
TAG = re.compile(r"<[^>]+>")


def month_list(spec: str | list[str] | None, today: date | None = None) -> list[str]:
    """``2018-03,2018-05``, ``2018-03..2018-06`` or a list of months, in order, without repeats."""
    if not spec:
        today = today or datetime.now(UTC).date()
        previous = date(today.year - (today.month == 1), (today.month - 2) % 12 + 1, 1)
        return [f"{previous:%Y-%m}", f"{today:%Y-%m}"]
    parts = spec if isinstance(spec, list) else [p.strip() for p in str(spec).split(",") if p.strip()]
    months: list[str] = []
    for part in parts:
        first, _, last = part.partition("..")
        for bound in (first, last or first):
            found = MONTH.match(bound.strip())
            if not found or not 1 <= int(found[2]) <= 12:
                raise ValueError(f"not a month (YYYY-MM): {bound!r}")
        year, month = map(int, first.strip().split("-"))
        end = tuple(map(int, (last or first).strip().split("-")))
        if (year, month) > end:
            # an empty range would run, build and publish nothing: a typo, not a request
            raise ValueError(f"reversed range {part.strip()!r}: the first month is after the last")
        while (year, month) <= end:
            label = f"{year:04d}-{month:02d}"
            if label not in months:
                months.append(label)
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def month_bounds(label: str) -> tuple[int, int]:
    year, month = map(int, label.split("-"))
    start = datetime(year, month, 1, tzinfo=UTC)
    end = datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=UTC)
    return int(start.timestamp()), int(end.timestamp())


def thread_start(month: str | None) -> str | None:
    """The first instant of a thread's month: the date of a comment whose own time is not known
    (copies of threads that kept only the text); a thread's comments come in its month."""
    if not month or not MONTH.match(month):
        return None
    return datetime.fromtimestamp(month_bounds(month)[0], UTC).isoformat(timespec="seconds")


LINE_BREAK = re.compile(r"<(?:p|br|div|li|pre|h\d)\b[^>]*>", re.I)


def first_line(html: str) -> str:
    """The comment's first line: paragraphs and breaks end it, inline tags (a link) do not."""
    text = unescape(TAG.sub("", LINE_BREAK.sub("\n", html)))
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


BRACKETS = re.compile(r"\s*[(\[][^)\]]*[)\]]?")
URL = re.compile(r"^(https?://|www\.)|\.(com|io|co|ai|org|net|me|fi|de)(/\S*)?$", re.I)
PLACE_JOINERS = re.compile(r"\bor\b|/|;|&|\band\b", re.I)


def company_name(part: str) -> str:
    """The employer as a header names it, without a bracketed URL or batch ("Zesty (YC W14)")."""
    name = BRACKETS.sub("", part).strip(" -:,")
    return name if name and not URL.search(name) else part.strip()


def read_header(line: str) -> dict[str, Any]:
    """The parts of ``Company | Role | Location | ...`` by what each looks like."""
    parts = header_parts(line)
    company = company_name(parts[0]) if parts else ""
    role, places, workplace, pay, employment = None, [], None, [], None
    for part in parts[1:]:
        if WORKPLACE_WORDS.search(part) and workplace is None and len(part) < 60:
            workplace = part
            # "London or Remote (EU)": the places beside the workplace word; "San Francisco, CA /
            # Remote" keeps its state beside its city
            rest = re.sub(r"[()]", " ", WORKPLACE_WORDS.sub(" ", part))
            for place in PLACE_JOINERS.split(rest):
                place = " ".join(place.split()).strip(" -,")
                if place and not ROLE_WORDS.search(place) and not EMPLOYMENT.search(place):
                    places.append(place)
        elif PAY.search(part):
            pay.append(part)
        elif role is None and ROLE_WORDS.search(part):
            role = part
        elif EMPLOYMENT.fullmatch(part.strip()) or (EMPLOYMENT.search(part) and len(part) < 25):
            employment = part
        elif not URL.search(part) and not re.search(r"\bvisa\b|relocat", part, re.I):
            places.append(part)
    return {"company": company, "role": role, "places": places, "workplace": workplace, "pay": pay,
            "employment": employment}  # fmt: skip


def workplace_of(text: str | None) -> str | None:
    if not text:
        return None
    words = {w.lower().replace(" ", "").replace("-", "") for w in WORKPLACE_WORDS.findall(text)}
    if "hybrid" in words:
        return "hybrid"
    if "remote" in words:
        return "remote"  # "Remote or onsite" offers remote: remote, by the project's definition
    if words & {"onsite", "inoffice"}:
        return "onsite"
    return None


class WhoIsHiringSpider(JobBoardApiSpider):
    api_base = "https://hn.algolia.com"
    per_board = False

    def __init__(self, months: str | list[str] | None = None, **kwargs):
        super().__init__(**kwargs)
        self.months = month_list(months)

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for label in self.months:
            start, end = month_bounds(label)
            yield self.api_request(
                "/api/v1/search_by_date",
                {
                    "tags": "story,author_whoishiring",
                    "numericFilters": f"created_at_i>={start},created_at_i<{end}",
                    "hitsPerPage": "20",
                },
                self.parse_search,
                month=label,
            )

    def api_request(self, path: str, params: dict | None, callback, **cb_kwargs) -> scrapy.Request:
        return scrapy.Request(
            self.endpoint(path, params), callback=callback, errback=self.on_error, cb_kwargs=cb_kwargs
        )

    def parse_search(self, response: Response, month: str) -> Iterator[Any]:
        fetched_at = utc_now()
        payload, unreadable = self.decoded(response, fetched_at)
        if unreadable:
            yield unreadable
            return
        hits = payload.get("hits") if isinstance(payload, dict) else None
        if not isinstance(hits, list):
            yield self.quarantine(
                "unexpected_shape", "no hits list", response.url, fetched_at, self.excerpt(response)
            )
            return
        threads = [h for h in hits if isinstance(h, dict) and THREAD_TITLE.match(str(h.get("title") or ""))]
        if not threads:
            yield self.quarantine(
                "no_thread", f"no 'Who is hiring?' thread for {month}", response.url, fetched_at, None
            )
            return
        thread = min(threads, key=lambda h: h.get("created_at_i") or 0)  # the month's own, not a repost
        yield self.api_request(f"/api/v1/items/{thread['objectID']}", None, self.parse_thread, month=month)

    def parse_thread(self, response: Response, month: str) -> Iterator[Any]:
        fetched_at = utc_now()
        payload, unreadable = self.decoded(response, fetched_at)
        if unreadable:
            yield unreadable
            return
        children = payload.get("children") if isinstance(payload, dict) else None
        if not isinstance(children, list):
            yield self.quarantine(
                "unexpected_shape", "no children list", response.url, fetched_at, self.excerpt(response)
            )
            return
        for child in children:
            if isinstance(child, dict) and not child.get("text"):
                self.crawler.stats.inc_value(f"jobs/{self.name}/deleted_comments")
                continue
            # anything else that is not a comment object is quarantined by to_item, not dropped
            record = (
                {**{k: v for k, v in child.items() if k != "children"}, "thread_month": month}
                if isinstance(child, dict)
                else child
            )
            yield from self.to_item(record, None, response.url, fetched_at)

    def parse_record(self, record: Any, board: str | None) -> JobPosting:
        text = record["text"]
        line = first_line(text)
        header = read_header(line)
        # no role in the header: the first line stands as the title, and the extractor reads the
        # positions from the text ("We are looking for a C++ engineer")
        title = header["role"] or line[:140]
        posted = record.get("created_at") or record.get("created_at_i")
        return JobPosting(
            source=self.name,
            source_id=str(record["id"]),
            url=f"https://news.ycombinator.com/item?id={record['id']}",
            title=title,
            company=header["company"][:200] or None,
            description_html=text,
            locations_raw=header["places"],
            date_posted=to_utc_iso(posted) if posted else thread_start(record.get("thread_month")),
            date_posted_raw=posted or record.get("thread_month"),
            employment_type=header["employment"],
            workplace_type_raw=header["workplace"],
            workplace_type=workplace_of(header["workplace"]),
            salary_raw=" | ".join(header["pay"]) or None,
        )
