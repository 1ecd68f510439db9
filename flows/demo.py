"""``jobmarket demo``: the whole pipeline on the bundled synthetic snapshot, offline.

The snapshot is made by the seeded generator in ``demo/generate.py`` (into ``data/demo/snapshot``,
byte for byte the same on every machine); a local replay server serves it under the real API
paths, the real spiders crawl it through Scrapy's downloader, and the refresh flow does the rest."""

from __future__ import annotations

import json
from pathlib import Path

from demo.generate import ensure_snapshot
from demo.replay import ReplayServer
from flows.config import Paths

# The replay server is ours and local: no politeness delay is owed to it.
LOCAL_CRAWL_SETTINGS = {
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
}


def write_demo_config(path: Path, base_url: str, snapshot: Path) -> Path:
    manifest = json.loads((snapshot / "manifest.json").read_text())
    lines = ["# written by `jobmarket demo`: every source points at the local replay server", ""]
    for source, boards in sorted(manifest["boards"].items()):
        lines += [f"[sources.{source}]", f'base_url = "{base_url}"', f"boards = {json.dumps(boards)}", ""]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines))
    return path


def run_demo(warehouse: Path | None = None) -> dict:
    from flows.refresh import refresh

    paths = Paths.for_warehouse(warehouse)
    snapshot = ensure_snapshot(paths.warehouse.parent / "demo" / "snapshot")
    with ReplayServer(snapshot) as server:
        config = write_demo_config(paths.work_dir / "demo_sources.toml", server.base_url, snapshot)
        outcome = refresh(
            config, paths.warehouse, crawl_retries=0, crawl_settings=LOCAL_CRAWL_SETTINGS, synthetic=True
        )
    from warehouse.html_report import write_html
    from warehouse.loader import connect

    with connect(paths.published, read_only=True) as con:
        outcome["html_report"] = str(
            write_html(con, paths.published.parent / "report.html", str(paths.published))
        )
    return outcome
