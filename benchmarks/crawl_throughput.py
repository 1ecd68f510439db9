"""Crawl throughput: a real `scrapy crawl` of 10,000 postings from the local replay server.

    python benchmarks/crawl_throughput.py [--postings N]

Two shapes of API: Lever (100 postings a page: few, large responses) and SmartRecruiters (a list
page of 100, then one detail response per posting: many small ones). Responses/s and items/s
are measured over the whole crawl subprocess (start-up included) and over Scrapy's own elapsed
time. Politeness is switched off (no delay, no AutoThrottle, 16 requests at a time): against a
real host the configured delays, not the code, set the pace."""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

from demo.replay import ReplayServer, response_file
from spiders.run import crawl

UNLEASHED = {"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False, "CONCURRENT_REQUESTS": 16,
             "CONCURRENT_REQUESTS_PER_DOMAIN": 16, "LOG_LEVEL": "WARNING"}  # fmt: skip
WORDS = [
    "python",
    "pytorch",
    "sql",
    "kubernetes",
    "models",
    "data",
    "pipelines",
    "customers",
    "research",
    "ranking",
    "latency",
]


def description(rng: random.Random) -> str:
    return "<p>" + " ".join(rng.choices(WORDS, k=120)) + "</p><ul><li>Python</li><li>SQL</li></ul>"


def write_site(root: Path, n: int) -> None:
    rng = random.Random(20261201)
    root.mkdir(parents=True, exist_ok=True)
    (root / "robots.txt").write_text("User-agent: *\nAllow: /\n")
    lever = [{"id": f"{i:08d}-0000-4000-8000-000000000000", "text": f"ML Engineer {i}", "hostedUrl": f"https://jobs.lever.co/bench/{i}",
              "createdAt": 1790000000000 + i, "categories": {"location": "Berlin, Germany", "commitment": "Full-time"},
              "description": description(rng), "lists": [], "workplaceType": "hybrid", "country": "DE"} for i in range(n)]  # fmt: skip
    for skip in range(0, n + 1, 100):
        path = response_file(root, "/v0/postings/bench", f"mode=json&skip={skip}&limit=100")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(lever[skip : skip + 100]))
    api = "https://api.smartrecruiters.com/v1/companies/bench/postings"
    for offset in range(0, n, 100):
        content = [
            {"id": str(i), "name": f"Data Scientist {i}", "ref": f"{api}/{i}"}
            for i in range(offset, min(n, offset + 100))
        ]
        path = response_file(root, "/v1/companies/bench/postings", f"offset={offset}&limit=100")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"offset": offset, "limit": 100, "totalFound": n, "content": content}))
    for i in range(n):
        detail = {"id": str(i), "name": f"Data Scientist {i}", "releasedDate": "2026-10-01T10:00:00.000Z",
                  "company": {"name": "Bench"}, "location": {"city": "Paris", "country": "fr", "remote": False},
                  "jobAd": {"sections": {"jobDescription": {"title": "Job", "text": description(rng)}}},
                  "postingUrl": f"https://jobs.smartrecruiters.com/Bench/{i}"}  # fmt: skip
        path = response_file(root, f"/v1/companies/bench/postings/{i}", "")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(detail))


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--postings", type=int, default=10_000)
    n = args.parse_args().postings
    with tempfile.TemporaryDirectory(prefix="jobmarket-crawl-bench-") as tmp:
        root = Path(tmp)
        t = time.perf_counter()
        write_site(root / "site", n)
        print(f"fixtures for {n:,} postings per source written in {time.perf_counter() - t:.1f} s")
        with ReplayServer(root / "site") as server:
            for source in ("lever", "smartrecruiters"):
                t = time.perf_counter()
                result = crawl(source, root / "raw", "bench", ["bench"], server.base_url, UNLEASHED, 3600)
                wall = time.perf_counter() - t
                s = result.summary
                stats_path = result.log_path
                assert s.get("items") == n, s
                print(f"{source}: {s['responses']:,} responses, {s['items']:,} items in {wall:.1f} s wall "
                      f"(scrapy subprocess, start-up included): {s['responses'] / wall:,.0f} responses/s, "
                      f"{s['items'] / wall:,.0f} items/s; log {stats_path.name}")  # fmt: skip


if __name__ == "__main__":
    main()
