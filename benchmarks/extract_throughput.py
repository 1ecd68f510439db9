"""Extraction throughput on one core: postings/s, words/s, peak memory, and the ratio to
spaCy's bare tokenizer over the same texts.

    python benchmarks/extract_throughput.py [N_POSTINGS]

The corpus is made by the demo's seeded generator, so runs are comparable across machines."""

from __future__ import annotations

import random
import resource
import sys
import time

import spacy

from demo.generate import SEED, description_html, make_posting
from pipelines.nlp import build_nlp, extract_many, posting_text


def corpus(n: int) -> list[dict]:
    rng = random.Random(SEED)
    out = []
    for i in range(n):
        p = make_posting(rng, i)
        out.append(
            {"id": i, "title": p["title"], "location": p["locations"][0], "description": description_html(p)}
        )
    return out


def main(n: int) -> None:
    records = corpus(n)
    texts = [posting_text(r)[0] for r in records]
    words = sum(len(t.split()) for t in texts)
    tokenizer = spacy.blank("en").tokenizer
    start = time.perf_counter()
    for text in texts:
        tokenizer(text)
    bare = time.perf_counter() - start

    nlp = build_nlp()
    start = time.perf_counter()
    count = sum(1 for _ in extract_many(records, nlp=nlp))
    full = time.perf_counter() - start
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"postings: {count:,}, words: {words:,} ({words / count:.0f} per posting)")
    print(f"bare tokenizer: {words / bare:,.0f} words/s")
    print(f"full extraction: {count / full:,.0f} postings/s, {words / full:,.0f} words/s")
    print(f"extraction / bare tokenizer time: {full / bare:.2f}x; peak RSS {peak_mib:,.0f} MiB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
