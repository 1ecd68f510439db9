"""Run one crawl as a ``scrapy crawl`` subprocess and return its summary.

A subprocess per crawl because Twisted's reactor cannot be restarted inside one process; it
also keeps one source's failure from taking the others down."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# The modules of spiders/ that are not spiders; every other file stem is a spider's name.
NOT_SPIDERS = {"__init__", "settings", "items", "extensions", "run", "middlewares", "replay"}


def spider_names() -> list[str]:
    return sorted(p.stem for p in Path(__file__).parent.glob("*.py") if p.stem not in NOT_SPIDERS)


class CrawlFailed(RuntimeError):
    """A crawl that produced no postings: unreachable, blocked, or broken."""


@dataclass
class CrawlResult:
    source: str
    returncode: int
    summary: dict[str, Any]
    log_path: Path

    @property
    def postings_file(self) -> Path | None:
        path = self.summary.get("postings_file")
        return Path(path) if path and Path(path).exists() else None


STOP_GRACE_SECONDS = 3


def _run_stoppable(cmd: list[str], env: dict[str, str], timeout: float) -> subprocess.CompletedProcess:
    """``subprocess.run``, except that a run stopped while the crawl runs (SIGTERM, Ctrl-C, a
    time-out) first tells the crawl to stop: Scrapy's own shutdown closes the spider, which keeps
    its landing files as ``.part``; after ``STOP_GRACE_SECONDS`` it is killed."""
    proc = subprocess.Popen(
        cmd, cwd=PROJECT_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
    except BaseException:
        proc.terminate()
        try:
            proc.communicate(timeout=STOP_GRACE_SECONDS)
        except BaseException:
            proc.kill()
            proc.communicate()
        raise
    return subprocess.CompletedProcess(cmd, proc.returncode, stdout, stderr)


def crawl(
    source: str,
    raw_dir: Path,
    run_id: str,
    boards: list[str] | None = None,
    base_url: str | None = None,
    settings: dict[str, Any] | None = None,
    timeout: float = 1800,
    spider_args: dict[str, Any] | None = None,
) -> CrawlResult:
    raw_dir = Path(raw_dir).resolve()
    log_dir = raw_dir / source
    log_dir.mkdir(parents=True, exist_ok=True)
    log_path = log_dir / f"{run_id}.log"
    cmd = [sys.executable, "-m", "scrapy", "crawl", source,
           "-s", f"JOBMARKET_RAW_DIR={raw_dir}", "-s", f"JOBMARKET_RUN_ID={run_id}",
           "-s", f"LOG_FILE={log_path}"]  # fmt: skip
    if boards:
        cmd += ["-a", f"boards={','.join(boards)}"]
    if base_url:
        cmd += ["-a", f"base_url={base_url}"]
    for key, value in (spider_args or {}).items():
        cmd += ["-a", f"{key}={value}"]
    for key, value in (settings or {}).items():
        cmd += ["-s", f"{key}={value}"]
    env = dict(os.environ, SCRAPY_SETTINGS_MODULE="spiders.settings")
    proc = _run_stoppable(cmd, env, timeout)
    summary_path = raw_dir / source / f"{run_id}.summary.json"
    summary = json.loads(summary_path.read_text()) if summary_path.exists() else {}
    if proc.returncode != 0 and not summary:
        summary = {"source": source, "items": 0, "error": (proc.stderr or "")[-2000:]}
    return CrawlResult(source=source, returncode=proc.returncode, summary=summary, log_path=log_path)


def failure_reason(result: CrawlResult) -> str | None:
    """One clear line when a crawl must count as failed, else None."""
    summary = result.summary
    if result.returncode != 0:
        return f"{result.source}: scrapy exited with {result.returncode} (log: {result.log_path})"
    if summary.get("items", 0) == 0:
        reasons = summary.get("quarantined_by_reason") or {}
        why = ", ".join(f"{k} x{v}" for k, v in sorted(reasons.items())) or "no records in the responses"
        return f"{result.source}: 0 postings ({why}; log: {result.log_path})"
    return None
