"""Dedup accuracy on the demo snapshot, against the generator's own truth.

    python benchmarks/dedup_demo.py [WAREHOUSE]   (default data/published/warehouse.duckdb, after `make demo`)

The generator knows which records are reposts of which job; this replays its seeded draws to get
that truth, then compares it with posting_sources: pairwise precision and recall (a pair = two
source records of one job) and the count of unique postings against the count of true jobs."""

from __future__ import annotations

import random
import sys
from datetime import timedelta
from itertools import combinations
from pathlib import Path

import duckdb

from demo.generate import ANCHOR, N_POSTINGS, SEED, greenhouse_job, lever_posting, make_posting


def truth() -> dict[tuple[str, str], int]:
    """(source, source_id) -> the index of the job it is a listing of (the same draws as generate())."""
    rng = random.Random(SEED)
    postings = [make_posting(rng, i) for i in range(N_POSTINGS)]
    job_of = {}
    for p in rng.sample(postings, k=N_POSTINGS // 40):
        repost = dict(p, index=len(postings), posted=p["posted"] + timedelta(days=rng.randint(14, 35)))
        if repost["posted"] < ANCHOR:
            postings.append(repost)
            job_of[repost["index"]] = p["index"]
    postings.sort(key=lambda p: (p["posted"], p["index"]))
    out = {}
    for p in postings:
        record = (greenhouse_job if p["source"] == "greenhouse" else lever_posting)(p, rng)
        out[(p["source"], str(record["id"]))] = job_of.get(p["index"], p["index"])
    return out


def pairs(groups: dict) -> set[frozenset]:
    by_group: dict = {}
    for record, group in groups.items():
        by_group.setdefault(group, []).append(record)
    return {frozenset(pair) for members in by_group.values() for pair in combinations(sorted(members), 2)}


def main(path: Path) -> None:
    true_job = truth()
    with duckdb.connect(str(path), read_only=True) as con:
        found = {
            (s, i): p
            for s, i, p in con.execute("select source, source_id, posting_id from posting_sources").fetchall()
        }
    missing = set(true_job) - set(found)
    true_pairs, found_pairs = pairs(true_job), pairs({k: v for k, v in found.items() if k in true_job})
    hit = len(true_pairs & found_pairs)
    print(f"records: {len(true_job):,} generated, {len(found):,} in posting_sources, {len(missing)} missing")
    print(f"jobs: {len(set(true_job.values())):,} true, {len(set(found.values())):,} postings found")
    print(f"duplicate pairs: {len(true_pairs)} true, {len(found_pairs)} found, {hit} correct: "
          f"precision {hit / max(len(found_pairs), 1):.3f}, recall {hit / max(len(true_pairs), 1):.3f}")  # fmt: skip


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("data/published/warehouse.duckdb"))
