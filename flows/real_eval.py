"""``jobmarket evaluate``: the extractor scored on the real labelled postings.

The labelled records are read from ``../shared`` and go the way a crawl's records go: through
their spider's ``to_item`` (``spiders.replay``), into a landing file, through the warehouse's raw
load and staging into the extraction input (``warehouse.loader.write_extraction_input``), and
through the extractor. So what is scored is what a refresh would store, the Hacker News header
read and the board's structured fields included; only HTTP is left out (the real-data end-to-end
test crawls the same records from a local server).
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from pipelines.eval.real import LABELS_DIR, Label, load
from pipelines.eval.real.score import render, score

SCORES_FILE = Path(__file__).resolve().parent.parent / "pipelines" / "eval" / "real" / "scores.json"


class SharedMissing(RuntimeError):
    """``../shared`` is not beside the checkout (a user's fresh clone)."""


def stored_records(sources: set[str]) -> dict[str, list[tuple[Any, str | None]]]:
    """(record, board) of every stored record of ``sources`` in ../shared/real and ../shared/samples."""
    from spiders import replay

    root = replay.shared_dir()
    if not (root / "real").is_dir():
        raise SharedMissing(f"{root / 'real'} is not here")
    out: dict[str, list[tuple[Any, str | None]]] = defaultdict(list)
    for source in sources:
        if source in replay.REAL_FILES:
            out[source] += [(r, None) for r in replay.read_real(source, root)]
        if source in replay.SAMPLE_FILES and (root / "samples").is_dir():
            records, board = replay.read_sample(source, root)
            out[source] += [(r, board) for r in records]
    return out


def extraction_rows(
    labels: list[Label], work: Path, extras: tuple[str, ...] = ()
) -> tuple[list[dict[str, Any] | None], dict[str, Any]]:
    """One warehouse row per label (None where its record is not in ../shared), and counts."""
    from pipelines.extract import read_records
    from pipelines.nlp import build_nlp, extract_many, version
    from spiders import replay
    from spiders.items import JobPosting
    from warehouse import loader, stages

    wanted = {lab.key for lab in labels}
    raw = work / "raw"
    found: set[tuple[str, str]] = set()
    quarantined = 0
    for source, records in sorted(stored_records({lab.source for lab in labels}).items()):
        lines = []
        for record, board in records:
            for out in replay.items(source, [record], board):
                if not isinstance(out, JobPosting):
                    quarantined += 1
                    continue
                if (source, out.source_id) in wanted and (source, out.source_id) not in found:
                    found.add((source, out.source_id))
                    lines.append(json.dumps(out.landing_line(), ensure_ascii=False))
        if lines:
            path = raw / source / "eval.jsonl"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    warehouse = work / "eval.duckdb"
    stages.load_landing(warehouse, raw)
    pending = work / "extract.in.jsonl"
    with loader.connect(warehouse) as con:
        loader.build_staging(con)
        loader.write_extraction_input(con, version(), pending)
        keys = con.execute(
            "select source, source_id, content_hash, title, company from stg_job_postings"
        ).fetchall()
    started = time.perf_counter()
    with open(pending, encoding="utf-8") as handle:
        errors: list[dict[str, Any]] = []
        extracted = {
            out["id"]: out
            for out in extract_many(read_records(handle, errors), nlp=build_nlp(), extras=extras)
        }
    seconds = time.perf_counter() - started
    by_key = {
        (source, source_id): {"title": title, "company": company}
        | extracted[content_hash]
        | {"title": extracted[content_hash].get("title") or title}
        for source, source_id, content_hash, title, company in keys
    }
    rows = [by_key.get(lab.key) for lab in labels]
    return rows, {"missing": len(wanted - found), "quarantined": quarantined, "extract_seconds": seconds,
                  "extract_errors": len(errors)}  # fmt: skip


def evaluate(split: str = "dev", labels_dir: Path = LABELS_DIR) -> dict[str, Any]:
    labels = load(labels_dir)
    chosen = labels if split == "all" else [lab for lab in labels if lab.split == split]
    with tempfile.TemporaryDirectory(prefix="jobmarket-eval-") as tmp:
        rows, counts = extraction_rows(chosen, Path(tmp))
    scored = [(lab, row) for lab, row in zip(chosen, rows, strict=True) if row is not None]
    report = score([lab for lab, _ in scored], [row for _, row in scored])
    from pipelines.nlp import version

    report.update(split=split, extractor_version=version(), **counts)
    return report


def main(
    split: str = "dev", as_json: bool = False, show_errors: bool = False, record: str | None = None
) -> int:
    try:
        report = evaluate(split)
    except SharedMissing as exc:
        print(f"jobmarket evaluate: real-posting evaluation skipped: {exc}")
        return 0
    from pipelines.eval.real import OVERLAP_DIR, read_jsonl
    from pipelines.eval.real.score import agreement

    if (OVERLAP_DIR / "second.jsonl").exists():
        report["labeller_agreement"] = agreement(
            read_jsonl(OVERLAP_DIR / "first.jsonl"), read_jsonl(OVERLAP_DIR / "second.jsonl")
        )
    if as_json:
        print(json.dumps(report, indent=1, default=str))
    else:
        print(render(report, f"real postings, {split} part", show_errors))
        agreed = report.get("labeller_agreement")
        if agreed:
            fields = agreed["fields"]
            print(
                f"\nlabels: two labellers agree on {agreed['postings']} double-labelled postings: remote status "
                f"{fields['remote_status']:.3f}, role {fields['role']:.3f}, is_tech {fields['is_tech']:.3f}, "
                f"ai_involvement {fields['ai_involvement']:.3f}, seniority {fields['seniority']:.3f}, "
                f"countries {fields['countries']:.3f}, salary {fields['salary']:.3f}, skills F1 {agreed['skills_f1']:.3f}"
            )
        if split in ("dev", "all"):
            print(
                "\nnote: the trained classifiers (pipelines/models/) were fit on the development part, so its"
                "\nai_involvement figure is a training-set figure; `make train` prints their cross-validated"
                "\nfigures, and the holdout is the estimate."
            )
        print(f"\nextractor {report['extractor_version']}; extraction took {report['extract_seconds']:.1f} s")
        if report["missing"]:
            print(f"{report['missing']} labelled record(s) not found in ../shared", file=sys.stderr)
    if record:
        scores = json.loads(SCORES_FILE.read_text()) if SCORES_FILE.exists() else {}
        kept = {k: v for k, v in report.items() if k not in ("errors",)}
        for field in kept["fields"].values():
            field.pop("top_missed", None)
            field.pop("top_extra", None)
        scores.setdefault(split, {})[record] = kept
        SCORES_FILE.write_text(json.dumps(scores, indent=1, sort_keys=True, default=str) + "\n")
        print(f"recorded as {split}/{record} in {SCORES_FILE}")
    return 0
