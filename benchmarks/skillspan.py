"""Skill extraction on the SkillSpan dev splits: precision, recall and F1 of every system (knowledge
spans, and the union of skill and knowledge spans), sentences/s of each, and the trained model's
words/s against spaCy's bare tokenizer on the same sentences.

    python benchmarks/skillspan.py [--model pipelines/models/skillspan_knowledge] [--repeat 3]

The splits are read from ``../shared/skillspan`` (or ``$JOBMARKET_SHARED/skillspan``), never copied.
Dev figures are development figures: SkillSpan's test splits are not here. Throughput is the best
of ``--repeat`` passes over each split, on one process; the machine's other load shows in it.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path

import spacy

from pipelines import skillspan


def best_seconds(work: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` runs: the one least disturbed by the rest of the machine."""
    times = []
    for _ in range(repeat):
        gc.collect()
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, default=skillspan.MODEL_DIR)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    folder = skillspan.shared_dir()
    if not folder.is_dir():
        print(
            f"{folder}: no SkillSpan splits here (set JOBMARKET_SHARED to the shared folder)", file=sys.stderr
        )
        return 2
    model = skillspan.load_model(args.model)
    size = sum(p.stat().st_size for p in args.model.rglob("*") if p.is_file())
    print(f"model: {args.model} ({size / 1e6:.1f} MB on disk)")

    results = skillspan.evaluate(folder=folder, model=model)
    print(skillspan.table(results))
    print()

    tokenizer = spacy.blank("en").tokenizer
    for split in ("tech_dev", "house_dev"):
        sentences = skillspan.read_split(split, folder)
        texts = [s.text for s in sentences]
        words = sum(len(s.tokens) for s in sentences)
        skillspan.predict_model(sentences[:20], model)  # warm up
        bare = best_seconds(lambda texts=texts: [tokenizer(t) for t in texts], args.repeat)
        trained = best_seconds(
            lambda sentences=sentences: skillspan.predict_model(sentences, model), args.repeat
        )
        print(
            f"{split}: {len(sentences):,} sentences, {words:,} words; "
            f"spaCy bare tokenizer {words / bare:,.0f} words/s; model {words / trained:,.0f} words/s "
            f"({len(sentences) / trained:,.0f} sentences/s); model / bare tokenizer time: {trained / bare:.1f}x"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
