"""Real source records (``../shared/real``, ``../shared/samples``) replayed through the spiders.

``../shared/real`` keeps records in their sources' own shapes (one API record a line; for Hacker
News the top-level comments of a month's thread; for We Work Remotely an aggregator's flat copy
of an RSS ``<item>``). This module puts each record back into the shape the spider receives and

- ``items(source, records)`` runs each through the spider's own ``to_item`` (``parse_record``
  with its quarantine), in process: what the evaluation of the extractor on real postings reads;
- ``write_snapshot(root, records_by_source)`` writes the API responses a crawl of those records
  would get, under their real paths, for ``demo.replay.ReplayServer`` (the real-data end-to-end
  test crawls them with ``scrapy crawl``), and returns the ``sources.toml`` tables to point the
  spiders at it.

Nothing here edits a record's values; records are read from ``../shared`` at run time and never
copied into the repository.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit
from xml.sax.saxutils import escape

from spiders.items import JobPosting, QuarantinedRecord
from spiders.platforms.hn_algolia import month_bounds

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def shared_dir() -> Path:
    """``../shared`` beside the checkout, or ``JOBMARKET_SHARED``."""
    return Path(os.environ.get("JOBMARKET_SHARED", PROJECT_ROOT.parent / "shared")).resolve()


REAL_FILES = {  # source -> glob under shared/real
    "hn_whoishiring": "hn_whoishiring/comments_*.jsonl.gz",
    "remotejobsorg": "remotejobsorg/jobs.jsonl.gz",
    "weworkremotely": "weworkremotely/jobs.jsonl.gz",
    "themuse": "themuse/jobs.jsonl.gz",
    "remotive": "remotive/jobs.jsonl.gz",
}
# shared/samples: source -> (file, board the response is of, where its records are)
SAMPLE_FILES = {
    "greenhouse": ("greenhouse_board_jobs_content.json", "gitlab", "jobs"),
    "lever": ("lever_postings.json", "matchgroup", None),
    "ashby": ("ashby_job_board.json", "truelogic", "jobs"),
    "remoteok": ("remoteok_api.json", None, None),
    "remotive": ("remotive_remote_jobs.json", None, "jobs"),
    "arbeitnow": ("arbeitnow_job_board_api.json", None, "data"),
    "jobicy": ("jobicy_remote_jobs.json", None, "jobs"),
}


def read_real(source: str, root: Path | None = None) -> list[dict[str, Any]]:
    """Every record of ``source`` in ``shared/real``, as stored."""
    base = (root or shared_dir()) / "real"
    records = []
    for path in sorted(base.glob(REAL_FILES[source])):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            records.extend(json.loads(line) for line in handle if line.strip())
    return records


def read_sample(source: str, root: Path | None = None) -> tuple[list[Any], str | None]:
    """The records of ``source``'s reference response in ``shared/samples`` and its board."""
    name, board, key = SAMPLE_FILES[source]
    payload = json.loads(((root or shared_dir()) / "samples" / name).read_text(encoding="utf-8"))
    records = payload[key] if key else payload
    if source == "remoteok":  # element 0 is the legal notice
        records = [r for r in records if not (isinstance(r, dict) and "legal" in r and "id" not in r)]
    return list(records), board


def wwr_item(record: dict[str, Any]) -> dict[str, str]:
    """The RSS ``<item>`` an aggregator's We Work Remotely record was made from: it split the
    title "Company: Role" and renamed link, region and pubDate; the description it kept is an
    excerpt (800 characters, tags stripped), and so stays."""
    tags = record.get("tags") or []
    item = {
        "title": f"{record['company']}: {record['title']}" if record.get("company") else record["title"],
        "region": record.get("location") or "",
        "category": tags[0] if tags else record.get("category") or "",
        "description": record.get("description") or "",
        "pubDate": record.get("postedAt") or "",
        "guid": record["url"],
        "link": record["url"],
    }
    return {k: v for k, v in item.items() if v != ""}


def api_record(source: str, record: Any) -> Any:
    """A stored record in the shape its spider's ``parse_record`` receives."""
    if source == "hn_whoishiring":
        return {k: v for k, v in record.items() if k != "month"} | {"thread_month": record["month"]}
    if source == "weworkremotely":
        return wwr_item(record)
    return record


def spider_for(source: str, board: str | None = None):
    from scrapy.spiderloader import SpiderLoader
    from scrapy.utils.project import get_project_settings

    cls = SpiderLoader.from_settings(get_project_settings()).load(source)
    return cls(boards=board) if cls.per_board else cls()


def items(
    source: str, records: Iterable[Any], board: str | None = None
) -> Iterator[JobPosting | QuarantinedRecord]:
    """Each record through the spider's ``to_item``, as a crawl would turn it into an item."""
    spider = spider_for(source, board)
    fetched_at = datetime.now(UTC).isoformat(timespec="seconds")
    for record in records:
        yield from spider.to_item(api_record(source, record), board, f"replay://{source}", fetched_at)


# -- snapshots for a crawl ------------------------------------------------------------------------
def _write(root: Path, path: str, params: dict[str, str] | None, body: bytes) -> None:
    query = urlencode(sorted((params or {}).items()))
    target = root / path.strip("/") / f"{query or 'index'}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(body)


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


def rss_document(items_: list[dict[str, str]]) -> bytes:
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>',
             "<title>We Work Remotely: replay</title>"]  # fmt: skip
    for item in items_:
        parts.append("<item>" + "".join(f"<{k}>{escape(v)}</{k}>" for k, v in item.items()) + "</item>")
    parts.append("</channel></rss>\n")
    return "\n".join(parts).encode("utf-8")


def write_snapshot(
    root: Path, records: dict[str, list[Any]], samples: dict[str, tuple[list[Any], str | None]]
) -> dict[str, dict[str, Any]]:
    """The responses a crawl of ``records`` (shared/real shapes) and ``samples`` (records of the
    reference responses, with their board) would get, under the real API paths; returns the
    ``[sources.<name>]`` options (without ``base_url``) that crawl them."""
    root = Path(root)
    config: dict[str, dict[str, Any]] = {}
    for source, recs in records.items():
        if source == "hn_whoishiring":
            by_month: dict[str, list[dict[str, Any]]] = {}
            for rec in recs:
                by_month.setdefault(rec["month"], []).append(rec)
            for month, comments in sorted(by_month.items()):
                start, end = month_bounds(month)
                thread = comments[0]["parent_id"]
                title = f"Ask HN: Who is hiring? ({datetime.fromtimestamp(start, UTC):%B %Y})"
                _write(
                    root,
                    "/api/v1/search_by_date",
                    {
                        "tags": "story,author_whoishiring",
                        "numericFilters": f"created_at_i>={start},created_at_i<{end}",
                        "hitsPerPage": "20",
                    },
                    _json(
                        {"hits": [{"objectID": str(thread), "title": title, "created_at_i": start + 3600}]}
                    ),
                )
                children = [{k: v for k, v in c.items() if k != "month"} | {"type": "comment", "children": []}
                            for c in comments]  # fmt: skip
                _write(
                    root,
                    f"/api/v1/items/{thread}",
                    None,
                    _json({"id": thread, "type": "story", "title": title, "children": children}),
                )
            config[source] = {"months": ",".join(sorted(by_month))}
        elif source == "remotejobsorg":
            by_category: dict[str, list[Any]] = {}
            for rec in recs:
                by_category.setdefault((rec.get("category") or {}).get("slug") or "programming", []).append(
                    rec
                )
            for category, jobs in sorted(by_category.items()):
                pages = [jobs[i : i + 50] for i in range(0, len(jobs), 50)] + [[]]
                for number, page in enumerate(pages, start=1):
                    _write(root, "/api/v1/jobs", {"category": category, "limit": "50", "page": str(number),
                                                  "type": "full-time"}, _json({"data": page}))  # fmt: skip
            config[source] = {"categories": ",".join(sorted(by_category))}
        elif source == "weworkremotely":
            target = root / "remote-jobs.rss"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(rss_document([wwr_item(r) for r in recs]))
            config[source] = {}
        elif source == "themuse":
            pages = [recs[i : i + 20] for i in range(0, len(recs), 20)]
            for number, page in enumerate(pages):
                _write(
                    root,
                    "/api/public/jobs",
                    {"page": str(number)},
                    _json({"page": number, "page_count": len(pages), "results": page}),
                )
            config[source] = {}
        elif source == "remotive":
            merged = recs + [s for s in samples.get("remotive", ([], None))[0] if s not in recs]
            _write(root, "/api/remote-jobs", None, _json({"job-count": len(merged), "jobs": merged}))
            config[source] = {}
        else:
            raise ValueError(f"no snapshot layout for {source!r}")
    for source, (recs, board) in samples.items():
        if source == "remotive" and source in config:
            continue
        parts = urlsplit(spider_for(source, board).api_url(board))
        if source == "greenhouse":
            body = {"jobs": recs, "meta": {"total": len(recs)}}
        elif source == "lever":
            body = recs
        elif source == "remoteok":
            body = [{"legal": "replayed"}, *recs]
        elif source == "arbeitnow":
            body = {"data": recs, "links": {"next": None}, "meta": {}}
        else:
            body = {"jobs": recs}
        _write(root, parts.path, dict(p.split("=", 1) for p in parts.query.split("&") if p), _json(body))
        config[source] = {"boards": [board]} if board else {}
    return config
