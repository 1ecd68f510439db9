from __future__ import annotations

import json
import os
from pathlib import Path
from typing import IO, Any

from scrapy import signals
from scrapy.exceptions import DropItem

from spiders.items import JobPosting, QuarantinedRecord

STOPPED = ("shutdown", "cancelled")  # Scrapy's finish reasons of a crawl that did not run to its end


def run_id_default() -> str:
    from datetime import UTC, datetime

    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")


class RawLandingPipeline:
    """Writes the immutable landing files of one crawl:

    ``<raw_dir>/<source>/<run_id>.jsonl``: one ``{"item": ..., "record": ...}`` line per posting;
    ``<raw_dir>/<source>/<run_id>.quarantine.jsonl``: one line per rejected record, with its reason.

    Both are written as ``.part`` files and renamed when the spider closes, so a crashed crawl
    never leaves a half file that the loader could mistake for a finished one."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.stats = crawler.stats
        settings = crawler.settings
        self.raw_dir = Path(settings.get("JOBMARKET_RAW_DIR"))
        self.run_id = settings.get("JOBMARKET_RUN_ID") or run_id_default()
        self.files: dict[Path, IO[str]] = {}
        self.postings_path: Path | None = None
        self.quarantine_path: Path | None = None

    @classmethod
    def from_crawler(cls, crawler):
        pipeline = cls(crawler)
        # close_spider does not say why the spider closed; spider_closed, sent after it, does
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    def open_spider(self) -> None:
        source = self.crawler.spider.name
        folder = self.raw_dir / source
        folder.mkdir(parents=True, exist_ok=True)
        postings = folder / f"{self.run_id}.jsonl"
        quarantine = folder / f"{self.run_id}.quarantine.jsonl"
        for final in (postings, quarantine):
            if final.exists():
                # Landing files are immutable: a second crawl under the same run id is a mistake.
                raise FileExistsError(f"{final} exists; landing files are never rewritten")
        self.postings_path, self.quarantine_path = postings, quarantine
        self.stats.set_value("jobmarket/run_id", self.run_id)
        self.stats.set_value("jobmarket/postings_file", str(self.postings_path))
        self.stats.set_value("jobmarket/quarantine_file", str(self.quarantine_path))

    def _write(self, final: Path, line: dict[str, Any]) -> None:
        handle = self.files.get(final)
        if handle is None:
            # Held open across items and closed in close_spider: a `with` block cannot span calls.
            handle = self.files[final] = open(final.with_name(final.name + ".part"), "w", encoding="utf-8")  # noqa: SIM115
        handle.write(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")

    def process_item(self, item: Any) -> Any:
        if self.postings_path is None:
            raise DropItem("the landing files could not be opened", log_level="ERROR")
        source = self.crawler.spider.name
        if isinstance(item, JobPosting):
            self._write(self.postings_path, item.landing_line())
            self.stats.inc_value(f"jobs/{source}/items")
            return item
        if isinstance(item, QuarantinedRecord):
            self._write(self.quarantine_path, item.__dict__)
            self.stats.inc_value(f"jobs/{source}/quarantined")
            self.stats.inc_value(f"jobs/{source}/quarantined/{item.reason}")
            raise DropItem(f"quarantined: {item.reason}: {item.detail}", log_level="DEBUG")
        return item

    def close_spider(self) -> None:
        if self.postings_path is None:
            return  # open_spider refused this run: there is nothing of ours to finish
        # An empty postings file still says "this crawl finished and found nothing".
        if self.postings_path not in self.files:
            self.files[self.postings_path] = open(  # noqa: SIM115 (closed just below)
                self.postings_path.with_name(self.postings_path.name + ".part"), "w", encoding="utf-8"
            )
        for handle in self.files.values():
            handle.flush()
            os.fsync(handle.fileno())
            handle.close()

    def spider_closed(self, spider, reason: str) -> None:
        """The files become landing files when the crawl ran to its end. A crawl stopped on the
        way (SIGTERM or Ctrl-C: ``shutdown``; ``cancelled``) keeps them as ``.part``: what it
        fetched is part of a source, and a loader must not take it for the source's whole list."""
        if reason in STOPPED:
            spider.logger.warning(
                "crawl stopped (%s): its files stay %s.part, never loaded", reason, self.postings_path
            )
        else:
            for final in self.files:
                os.replace(final.with_name(final.name + ".part"), final)
        self.files.clear()
