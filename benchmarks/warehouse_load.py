"""The warehouse at scale: load N synthetic postings (default 1,000,000, with skills) from landing
files, load their extractions, build every core table and mart, run the checks and publish.

    python benchmarks/warehouse_load.py [--postings N] [--work DIR]

Reports postings/s for the raw load, rows/s for the extraction load, seconds per model, the
checks and the publish, the warehouse's size on disk and the process's peak memory (DuckDB runs
in-process). The data are seeded: 5% of jobs are reposted, 3% are listed on a second board, so
dedup has work to do. Extraction itself is not run (its speed is benchmarks/extract_throughput.py);
its output is synthesised in the extract contract's format and loaded the way the flow loads it."""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import tempfile
import time
from contextlib import ExitStack
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TextIO

from pipelines.skills import TAXONOMY_PATH, load_taxonomy, taxonomy_version
from spiders.items import JobPosting
from warehouse import loader
from warehouse.publish import publish

SEED = 20261201
PER_FILE = 100_000
START = datetime(2023, 12, 1, tzinfo=UTC)
TITLES = ["ML Engineer", "Data Scientist", "LLM Engineer", "MLOps Engineer", "Backend Engineer",
          "Frontend Engineer", "Research Scientist", "Product Manager, AI", "Account Executive",
          "Computer Vision Engineer", "Data Engineer", "Site Reliability Engineer"]  # fmt: skip
CITIES = [("Berlin, Germany", "DE", "Berlin, DE"), ("London, UK", "GB", "London, GB"),
          ("New York, NY", "US", "New York, US"), ("Nairobi, Kenya", "KE", "Nairobi, KE"),
          ("Bengaluru, India", "IN", "Bengaluru, IN"), ("Paris, France", "FR", "Paris, FR"),
          ("Toronto, Canada", "CA", "Toronto, CA"), ("São Paulo, Brazil", "BR", "São Paulo, BR"),
          ("Remote", None, None)]  # fmt: skip
ROLES = {"ML Engineer": "ml_engineer", "Data Scientist": "data_scientist", "LLM Engineer": "llm_genai_engineer",
         "MLOps Engineer": "mlops_engineer", "Research Scientist": "ai_research_scientist",
         "Product Manager, AI": "ai_product_manager", "Computer Vision Engineer": "computer_vision_engineer",
         "Account Executive": "non_tech"}  # fmt: skip
WORDS = ["python", "pytorch", "sql", "team", "models", "data", "pipelines", "production", "customers",
         "research", "scale", "ranking", "latency", "kubernetes", "experiments", "features", "platform",
         *(f"term{i}" for i in range(5000))]  # fmt: skip


def jobs(n: int, rng: random.Random, truth: dict):
    """(source, record id, job fields) for n landed records: base jobs, reposts, second boards.
    ``truth["jobs"]`` counts the distinct jobs, what dedup should find."""
    made = 0
    truth["jobs"] = 0
    while made < n:
        truth["jobs"] += 1
        title, (place, _, _) = rng.choice(TITLES), rng.choice(CITIES)
        job = {
            "title": title, "company": f"Company {rng.randrange(20_000)}", "location": place,
            "posted": START + timedelta(days=rng.randrange(1095), seconds=rng.randrange(86_400)),
            # a large vocabulary, so that two different jobs' texts share few words, as real ones do
            "description": "<p>" + " ".join(rng.choices(WORDS, k=45)) + "</p>",
        }  # fmt: skip
        copies = [("greenhouse", job)]
        if rng.random() < 0.05:
            copies.append(
                ("greenhouse", dict(job, posted=job["posted"] + timedelta(days=rng.randint(14, 35))))
            )
        if rng.random() < 0.03:
            copies.append(("lever", dict(job, posted=job["posted"] + timedelta(days=rng.randint(0, 3)))))
        for source, fields in copies:
            if made < n:
                yield source, made, fields
                made += 1


def write_landing(work: Path, n: int, truth: dict) -> list[Path]:
    rng = random.Random(SEED)
    with ExitStack() as stack:
        write_records(work, n, rng, stack, truth)
    return loader.landing_files(work / "raw")


def write_records(work: Path, n: int, rng: random.Random, stack: ExitStack, truth: dict) -> None:
    fetched = "2026-12-01T00:00:00+00:00"
    handles: dict[tuple[str, int], TextIO] = {}
    for source, i, job in jobs(n, rng, truth):
        key = (source, i // PER_FILE)
        if key not in handles:
            path = work / "raw" / source / f"bench-{key[1]:03d}.jsonl"
            path.parent.mkdir(parents=True, exist_ok=True)
            handles[key] = stack.enter_context(open(path, "w", encoding="utf-8"))  # noqa: SIM115 (the stack closes it)
        item = JobPosting(
            source=source, source_id=str(i), url=f"https://example.org/{source}/{i}", title=job["title"],
            company=job["company"], description_html=job["description"], locations_raw=[job["location"]],
            date_posted=job["posted"].isoformat(), date_posted_raw=job["posted"].isoformat(), fetched_at=fetched,
            record={"id": i, "title": job["title"], "content": job["description"]},
        )  # fmt: skip
        handles[key].write(json.dumps(item.landing_line(), ensure_ascii=False) + "\n")


def synthesise_extractions(pending: Path, out: Path, version: str) -> int:
    """One extract-contract result line per pending posting, with 3 to 8 skills."""
    rng = random.Random(SEED)
    skills = list(load_taxonomy().values())
    by_city = {place: (country, city) for place, country, city in CITIES}
    n = 0
    with open(pending, encoding="utf-8") as src, open(out, "w", encoding="utf-8") as dst:
        for line in src:
            record = json.loads(line)
            country, city = by_city.get(record["location"], (None, None))
            role = ROLES.get(record["title"], "other_tech")
            hits = [
                {"skill_id": s.skill_id, "name": s.name, "category": s.category, "is_ai": s.is_ai,
                 "start": 10 * k, "end": 10 * k + 5, "requirement": rng.choice(("required", "preferred", "mentioned")),
                 "matched_text": s.name}
                for k, s in enumerate(rng.sample(skills, rng.randint(3, 8)))
            ]  # fmt: skip
            low = rng.randrange(40, 200) * 1000 if rng.random() < 0.3 else None
            dst.write(json.dumps({
                "id": record["id"], "extractor_version": version, "skills": hits,
                "remote_status": rng.choice(("remote", "hybrid", "onsite", "unknown")), "remote_evidence": None,
                "remote_countries": [], "countries": [country] if country else [], "cities": [city] if city else [],
                "role": role, "ai_governance": False, "is_tech": role != "non_tech",
                "ai_involvement": "required" if role not in ("other_tech", "non_tech") else rng.choice(("none", "mentioned", "preferred")),
                "seniority": rng.choice(("junior", "mid", "senior")), "min_years_experience": rng.randint(0, 8),
                "degree": rng.choice(("none", "bachelor", "master")),
                "salary": {"min": low, "max": low * 1.2, "currency": "USD", "period": "year", "from": "text",
                           "annual_usd_min": low, "annual_usd_max": low * 1.2, "fx_date": None, "flag": None} if low else None,
            }) + "\n")  # fmt: skip
            n += 1
    return n


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--postings", type=int, default=1_000_000)
    args.add_argument("--work", type=Path, default=None, help="scratch folder (default: a temporary one)")
    opts = args.parse_args()
    work = opts.work or Path(tempfile.mkdtemp(prefix="jobmarket-bench-"))
    shutil.rmtree(work / "raw", ignore_errors=True)
    db = work / "bench.duckdb"
    for stale in work.glob("bench.duckdb*"):
        stale.unlink()
    version = "bench+tax." + taxonomy_version()

    t = time.perf_counter()
    truth: dict = {}
    files = write_landing(work, opts.postings, truth)
    print(f"generated {opts.postings:,} landing records ({truth['jobs']:,} distinct jobs) in {len(files)} files: "
          f"{time.perf_counter() - t:.1f} s")  # fmt: skip

    with loader.connect(db) as con:
        t = time.perf_counter()
        loaded = loader.load_raw(con, files)
        seconds = time.perf_counter() - t
        records = sum(f["records"] for f in loaded)
        print(f"raw load: {records:,} postings in {seconds:.1f} s = {records / seconds:,.0f} postings/s "
              f"(peak RSS so far {peak_mib():,.0f} MiB)")  # fmt: skip
        t = time.perf_counter()
        again = loader.load_raw(con, files)
        assert all(f["status"] == "skipped" for f in again)
        print(f"re-load of the same files (all skipped by hash): {time.perf_counter() - t:.1f} s")

        loader.build_staging(con)
        loader.set_meta(con, "extractor_version", version)
        t = time.perf_counter()
        n_pending = loader.write_extraction_input(con, version, work / "pending.jsonl")
        print(f"extraction hand-off written: {n_pending:,} postings in {time.perf_counter() - t:.1f} s")
    synthesise_extractions(work / "pending.jsonl", work / "done.jsonl", version)
    with loader.connect(db) as con:
        t = time.perf_counter()
        added = loader.load_extractions(con, work / "done.jsonl")
        seconds = time.perf_counter() - t
        print(f"extraction load: {added:,} rows in {seconds:.1f} s = {added / seconds:,.0f} rows/s")
        loader.load_taxonomy(con, TAXONOMY_PATH, taxonomy_version())

        for label in ("first build", "second build (nothing changed)"):
            t_all = time.perf_counter()
            timings: dict[str, float] = {}
            counts = loader.build_models(con, seconds=timings)
            print(f"{label}: {time.perf_counter() - t_all:.1f} s; "
                  + ", ".join(f"{k} {v:.1f}" for k, v in timings.items()))  # fmt: skip
        print(
            "rows: "
            + ", ".join(f"{k} {counts[k]:,}" for k in ("postings", "posting_sources", "posting_skills"))
        )
        t = time.perf_counter()
        checks = loader.run_checks(con)
        print(
            f"checks: {time.perf_counter() - t:.1f} s, failing: {({k: v for k, v in checks.items() if v}) or 'none'}"
        )
    t = time.perf_counter()
    publish(db, work / "published" / "bench.duckdb")
    print(f"publish (copy + Parquet): {time.perf_counter() - t:.1f} s")
    print(f"warehouse file: {db.stat().st_size / 2**20:,.0f} MiB; peak RSS: {peak_mib():,.0f} MiB")
    if opts.work is None:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
