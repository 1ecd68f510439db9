"""CrawlSummary: the machine-readable account of one crawl, beside its landing files."""

from __future__ import annotations

import json
import os
from pathlib import Path

from scrapy import signals


class CrawlSummary:
    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_closed(self, spider, reason):
        stats = self.crawler.stats.get_stats()
        source = spider.name
        prefix = f"jobs/{source}/quarantined/"
        summary = {
            "source": source,
            "run_id": stats.get("jobmarket/run_id"),
            "finish_reason": reason,
            "items": stats.get(f"jobs/{source}/items", 0),
            "quarantined": stats.get(f"jobs/{source}/quarantined", 0),
            "quarantined_by_reason": {k[len(prefix) :]: v for k, v in stats.items() if k.startswith(prefix)},
            "requests": stats.get("downloader/request_count", 0),
            "responses": stats.get("downloader/response_count", 0),
            "retries": stats.get("retry/count", 0),
            "http_errors": {
                k.rsplit("/", 1)[1]: v
                for k, v in stats.items()
                if k.startswith("downloader/response_status_count/")
                and not k.endswith(("/200", "/301", "/302"))
            },
            "exceptions": stats.get("downloader/exception_count", 0),
            "postings_file": stats.get("jobmarket/postings_file"),
            "quarantine_file": stats.get("jobmarket/quarantine_file"),
        }
        spider.logger.info(
            "summary %s: %d items, %d quarantined, %d retries, http errors %s",
            source,
            summary["items"],
            summary["quarantined"],
            summary["retries"],
            summary["http_errors"] or "none",
        )
        if summary["postings_file"]:
            path = Path(summary["postings_file"]).with_suffix(".summary.json")
            tmp = path.with_name(path.name + ".part")
            tmp.write_text(json.dumps(summary, indent=2, sort_keys=True) + "\n")
            os.replace(tmp, path)
