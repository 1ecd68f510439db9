"""Wall time of the backfill flow over 36 months of "Who is hiring?" threads on a local server.

    python benchmarks/backfill_wall_time.py [--months 36] [--comments 40]

The threads are written in the Algolia HN API's format (search_by_date, then items/{id}) under
a temporary folder and served by the replay server; the flow runs with Prefect's embedded
server, politeness off. Reported: the first backfill (crawl, load, extract, build, publish per
the flow), then a re-run (every month skipped)."""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

from demo.replay import ReplayServer, response_file
from spiders.platforms.hn_algolia import month_bounds, month_list

ROLES = [
    "Senior ML Engineer",
    "Data Scientist",
    "Backend Engineer",
    "LLM Engineer",
    "Product Designer",
    "MLOps Engineer",
]
PLACES = [
    "San Francisco, CA",
    "London",
    "Berlin",
    "Remote (US)",
    "NYC",
    "Bengaluru",
    "Toronto",
    "Remote (EU)",
]


def write_threads(root: Path, months: list[str], comments: int) -> None:
    rng = random.Random(20261201)
    (root / "robots.txt").parent.mkdir(parents=True, exist_ok=True)
    (root / "robots.txt").write_text("User-agent: *\nAllow: /\n")
    comment_id = 30_000_000
    for k, month in enumerate(months):
        start, end = month_bounds(month)
        story = 20_000_000 + k
        query = urlencode({"tags": "story,author_whoishiring", "numericFilters": f"created_at_i>={start},created_at_i<{end}",
                           "hitsPerPage": "20"})  # fmt: skip
        path = response_file(root, "/api/v1/search_by_date", query)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"hits": [{"title": f"Ask HN: Who is hiring? ({month})", "objectID": str(story),
                                              "created_at_i": start + 57600}]}))  # fmt: skip
        children = []
        for i in range(comments):
            comment_id += 1
            text = (f"Company {rng.randrange(500)} | {rng.choice(ROLES)} | {rng.choice(PLACES)} | Full-time"
                    f"<p>We use Python, PyTorch and SQL. {rng.randint(2, 8)}+ years of experience.")  # fmt: skip
            children.append({"id": comment_id, "created_at_i": start + 60000 + i * 3600, "type": "comment",
                             "created_at": None, "author": f"u{i}", "text": text, "parent_id": story, "children": []})  # fmt: skip
        path = response_file(root, f"/api/v1/items/{story}", "")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"id": story, "type": "story", "children": children}))


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--months", type=int, default=36)
    args.add_argument("--comments", type=int, default=40)
    opts = args.parse_args()
    months = month_list("2019-01..2030-12")[: opts.months]
    with tempfile.TemporaryDirectory(prefix="jobmarket-backfill-bench-") as tmp:
        root = Path(tmp)
        write_threads(root / "site", months, opts.comments)
        from flows.config import configure_prefect

        configure_prefect(root / "data")
        from flows.backfill import backfill

        with ReplayServer(root / "site") as server:
            config = root / "sources.toml"
            config.write_text(f'[sources.hn_whoishiring]\nbase_url = "{server.base_url}"\n')
            fast = {"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False}
            for label in ("first backfill", "re-run (all months skipped)"):
                t = time.perf_counter()
                outcome = backfill(months[0], months[-1], config, root / "data" / "warehouse.duckdb", 0, fast)
                print(f"{label}: {len(months)} months, {len(outcome['crawls'])} crawled, {outcome['skipped']} skipped, "
                      f"{outcome['extracted']['extracted']} postings extracted: {time.perf_counter() - t:.1f} s")  # fmt: skip


if __name__ == "__main__":
    main()
