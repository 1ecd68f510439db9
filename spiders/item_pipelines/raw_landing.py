from __future__ import annotations

import json
import os
from pathlib import Path
from typing import IO, Any

from scrapy.exceptions import DropItem

from spiders.items import JobPosting, QuarantinedRecord


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
        return cls(crawler)

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
        for final, handle in self.files.items():
            handle.flush()
            os.fsync(handle.fileno())
            handle.close()
            os.replace(final.with_name(final.name + ".part"), final)
        self.files.clear()
