"""Extraction throughput on one core: postings/s, words/s, peak memory, and the ratio to spaCy's
bare tokenizer over the same texts.

    python benchmarks/extract_throughput.py [--postings 50000] [--words 400]
    python benchmarks/extract_throughput.py --samples ../shared/samples   # real descriptions
    python benchmarks/extract_throughput.py --real [../shared]           # real postings, every source

The corpus is seeded, so runs are comparable across machines. Each posting is HTML of about
400 words in the shape boards send: a title, an intro, headed sections of bullets (duties,
requirements, nice to have, benefits), a location and pay line. The sentences are drawn from
templates filled with skills from the taxonomy, places, figures and a vocabulary of some 6,000
generated words, so that the vocabulary grows as real postings' does: spaCy's tokenizer caches
what it has seen, and a corpus of a few hundred repeated sentences would flatter it (the demo
corpus gives it 1.8M words/s; real postings about 0.1-0.2M).

``--samples DIR`` times real descriptions instead: the description fields of the API responses
kept in DIR (the reference samples beside the checkout; read, never copied), cycled to
``--postings``. spaCy's tokenizer is much slower on real text than on the seeded corpus.

``--real [SHARED]`` times the real postings of ``SHARED/real`` (Hacker News comments, remotejobs.org,
We Work Remotely, The Muse, Remotive), each with its own title, in a fixed shuffle, cycled to
``--postings``: the text the extractor meets in production. Start-up (building the pipeline,
loading the taxonomy, the automaton and the trained classifier, the first posting) is timed apart.

Both sides get the same plain texts (the HTML already converted); the extraction is timed
from the records, HTML conversion included. Peak memory is the process's maximum RSS after
the run. The machine's other load shows in the figures: run it on an idle machine.
"""

from __future__ import annotations

import argparse
import gc
import random
import resource
import string
import time

import spacy

from pipelines.nlp import build_nlp, extract_many, posting_text
from pipelines.skills import load_taxonomy

SEED = 20261201
TITLES = [
    "{level} {skill} Engineer", "{level} Machine Learning Engineer", "{level} Data Scientist", "AI Engineer",
    "{level} Backend Engineer", "Data Analyst", "{level} Product Manager", "Research Scientist, {skill}",
    "{level} DevOps Engineer", "Customer Success Manager", "Account Executive", "Registered Nurse",
]  # fmt: skip
LEVELS = ["Senior", "Staff", "Junior", "Lead", "Principal", ""]
PLACES = [
    "San Francisco, CA", "New York, NY", "London, UK", "Berlin, Germany", "Remote - US", "Bengaluru, India",
    "Toronto, Canada", "Nairobi, Kenya", "Paris, France", "Remote (EU)", "Austin, TX", "Singapore",
]  # fmt: skip
INTRO = [
    "{company} is building {noun} for {audience}.",
    "We are a {adj} team of {n} people working on {noun}.",
    "Our customers use {company} to {verb} their {noun} every day.",
    "Founded in {year}, {company} has raised funding to grow the {noun} platform.",
]
DUTIES = [
    "Design and build {noun} services in {skill} and {skill}.",
    "Own the {noun} pipeline end to end, from {skill} to production.",
    "Work with {audience} to {verb} the {noun} experience.",
    "Improve reliability and cost of our {skill} infrastructure.",
    "Mentor engineers and review code across the {noun} team.",
    "Ship features that help {audience} {verb} their {noun}.",
]
REQUIREMENTS = [
    "{n}+ years of experience with {skill} or {skill}.",
    "Strong knowledge of {skill}, {skill} and {skill}.",
    "Experience building {noun} systems at scale with {skill}.",
    "A degree in computer science, statistics or a related field.",
    "Comfort with {skill} and a habit of writing tests.",
    "You communicate clearly with {audience} and engineers alike.",
]
NICE = [
    "Experience with {skill} is a plus.",
    "Familiarity with {skill} or {skill} would be great.",
    "Open-source contributions to {noun} projects.",
]
BENEFITS = [
    "Competitive salary, equity and {n} weeks of paid leave.",
    "A learning budget, a home office stipend and flexible hours.",
    "Health, dental and vision insurance for you and your family.",
    "We work {mode}; the team meets in person every {period}.",
]
MODES = ["fully remote", "hybrid, two days a week in the office", "on-site in our office", "remote-first"]
AUDIENCES = ["clinicians", "small businesses", "data teams", "shoppers", "developers", "farmers", "lawyers"]
VERBS = ["understand", "automate", "plan", "secure", "measure", "scale", "share", "search"]


def vocabulary(rng: random.Random, size: int) -> list[str]:
    syllables = [
        "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(2, 3))) for _ in range(400)
    ]
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(1, 3))))
    return sorted(words)


def make_corpus(n: int, target_words: int, seed: int = SEED) -> list[dict]:
    rng = random.Random(seed)
    words = vocabulary(rng, 6000)
    # Zipf-like draws: a few words are everywhere, most are rare, as in real text.
    cumulative, total = [], 0.0
    for rank in range(len(words)):
        total += 1 / (rank + 1)
        cumulative.append(total)
    skills = [s.name for s in load_taxonomy().values()]

    def noun() -> str:
        return " ".join(rng.choices(words, cum_weights=cumulative, k=rng.randint(1, 2)))

    def fill(template: str) -> str:
        out = template
        while "{" in out:
            out = (
                out.replace("{skill}", rng.choice(skills), 1)
                .replace("{noun}", noun(), 1)
                .replace("{company}", noun().title(), 1)
                .replace("{audience}", rng.choice(AUDIENCES), 1)
                .replace("{verb}", rng.choice(VERBS), 1)
                .replace("{adj}", rng.choice(words), 1)
                .replace("{n}", str(rng.randint(2, 12)), 1)
                .replace("{year}", str(rng.randint(1995, 2024)), 1)
                .replace("{mode}", rng.choice(MODES), 1)
                .replace("{period}", rng.choice(["month", "quarter", "year"]), 1)
                .replace("{level}", rng.choice(LEVELS), 1)
            )
        return out

    def filler() -> str:
        return " ".join(rng.choices(words, cum_weights=cumulative, k=rng.randint(8, 16))).capitalize() + "."

    records = []
    for i in range(n):
        parts = [f"<p>{fill(rng.choice(INTRO))} {filler()} {filler()}</p>"]
        count = sum(len(p.split()) for p in parts)
        sections = [("What you'll do", DUTIES), ("Requirements", REQUIREMENTS), ("Nice to have", NICE)]
        while count < target_words - 60:
            heading, templates = sections[len(parts) % 3]
            items = "".join(
                f"<li>{fill(rng.choice(templates))} {filler()}</li>" for _ in range(rng.randint(3, 6))
            )
            block = f"<h3>{heading}</h3><ul>{items}</ul>"
            parts.append(block)
            count += len(block.split())
        low = rng.randrange(60, 200) * 1000
        parts.append(
            f"<h3>Benefits</h3><p>{fill(rng.choice(BENEFITS))} Salary: ${low:,} - ${low + 30000:,}.</p>"
        )
        records.append(
            {
                "id": i,
                "title": fill(rng.choice(TITLES)).strip(),
                "company": noun().title(),
                "location": rng.choice(PLACES),
                "description": "".join(parts),
            }
        )
    return records


def sample_corpus(directory: str, n: int) -> list[dict]:
    """Postings from the description fields of real API responses under ``directory``."""
    import json
    from pathlib import Path

    found: list[str] = []

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in DESCRIPTION_KEYS and isinstance(value, str) and len(value.split()) > 100:
                    found.append(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in sorted(Path(directory).rglob("*.json*")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for chunk in text.splitlines() if path.suffix == ".jsonl" else [text]:
            try:
                walk(json.loads(chunk))
            except ValueError:
                continue
    if not found:
        raise SystemExit(f"no descriptions found under {directory}")
    return [{"id": i, "title": "Engineer", "description": found[i % len(found)]} for i in range(n)]


def real_corpus(shared: str, n: int) -> list[dict]:
    """Real postings of every source in ``shared/real`` (read, never copied), shuffled with a fixed
    seed and cycled to ``n``."""
    import os

    os.environ.setdefault("JOBMARKET_SHARED", shared)
    from spiders import replay

    found = []
    for source in sorted(replay.REAL_FILES):
        for r in replay.read_real(source):
            title = r.get("title") or r.get("name")
            description = r.get("text") or r.get("description") or r.get("contents")
            if description:
                found.append({"title": title, "description": description, "source": source})
    random.Random(SEED).shuffle(found)
    return [{"id": i, **found[i % len(found)]} for i in range(n)]


DESCRIPTION_KEYS = {
    "description",
    "content",
    "descriptionHtml",
    "description_html",
    "descriptionPlain",
    "text",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postings", type=int, default=50_000)
    parser.add_argument("--words", type=int, default=400, help="target words per posting")
    parser.add_argument("--samples", help="a folder of real API responses to take descriptions from")
    parser.add_argument(
        "--real", nargs="?", const="../shared", help="the shared folder whose real/ postings to time"
    )
    args = parser.parse_args()

    started = time.perf_counter()
    if args.real:
        records = real_corpus(args.real, args.postings)
    elif args.samples:
        records = sample_corpus(args.samples, args.postings)
    else:
        records = make_corpus(args.postings, args.words)
    texts = [posting_text(r)[0] for r in records]
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {len(records):,} postings, {words:,} words ({words / len(records):.0f} per posting), "
          f"made in {time.perf_counter() - started:.1f} s")  # fmt: skip

    tokenizer = spacy.blank("en").tokenizer
    gc.collect()
    started = time.perf_counter()
    for text in texts:
        tokenizer(text)
    bare = time.perf_counter() - started
    del tokenizer

    started = time.perf_counter()
    nlp = build_nlp()
    list(extract_many(records[:1], nlp=nlp))
    startup = time.perf_counter() - started
    list(extract_many(records[:200], nlp=nlp))  # load the taxonomy, automaton and GeoNames first
    gc.collect()
    started = time.perf_counter()
    count = sum(1 for _ in extract_many(records, nlp=nlp))
    full = time.perf_counter() - started
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"spaCy bare tokenizer: {words / bare:,.0f} words/s ({bare:.1f} s)")
    print(f"full extraction:      {count / full:,.0f} postings/s, {words / full:,.0f} words/s ({full:.1f} s)")
    print(f"extraction speed / bare tokenizer speed: {bare / full:.2f}x")
    print(f"start-up (pipeline, taxonomy, automaton, classifier, first posting): {startup:.2f} s")
    print(f"peak RSS: {peak_mib:,.0f} MiB (corpus, texts and both passes in one process)")


if __name__ == "__main__":
    main()
