"""The warehouse's stages, each on a warehouse file: load raw, extract what is new, build.

The flow's tasks, the ``rebuild`` command and the tests call these, so the order of the steps
inside a stage lives in one place. Each stage opens and closes its own connection: DuckDB takes
one writing process at a time, and a closed file can be published or read by the next stage."""

from __future__ import annotations

from itertools import islice
from pathlib import Path
from typing import Any

from pipelines.extract import extract_file
from pipelines.nlp import version as extractor_version
from pipelines.skills import TAXONOMY_PATH, taxonomy_version
from warehouse import loader, quality


def load_landing(warehouse: Path, raw_dir: Path, order=None) -> list[dict[str, Any]]:
    """Every finished landing file not yet in the ingest log (``order`` may reorder them)."""
    files = loader.landing_files(raw_dir)
    with loader.connect(warehouse) as con:
        return loader.load_raw(con, order(files) if order else files)


def extract_pending(warehouse: Path, work_dir: Path, run_id: str, batch_size: int = 2000) -> dict[str, Any]:
    """Extract the posting contents that have no result under the current extractor version,
    ``batch_size`` at a time: each batch is loaded as it is done, so memory stays flat and a run
    killed half-way keeps the batches it finished.

    The hand-off is through files (the ``jobmarket extract`` contract), so the extractor could
    run elsewhere; the warehouse is closed while it runs."""
    version = extractor_version()
    pending = work_dir / f"extract-{run_id}.in.jsonl"
    with loader.connect(warehouse) as con:
        loader.build_staging(con)
        loader.set_meta(con, "extractor_version", version)
        n_pending = loader.write_extraction_input(con, version, pending)
    counts = {"extracted": 0, "errors": 0, "batches": 0}
    with open(pending, encoding="utf-8") as lines:
        while batch := list(islice(lines, batch_size)):
            batch_in = work_dir / f"extract-{run_id}.batch.in.jsonl"
            batch_out = work_dir / f"extract-{run_id}.batch.out.jsonl"
            batch_in.write_text("".join(batch), encoding="utf-8")
            done = extract_file(batch_in, batch_out)
            with loader.connect(warehouse) as con:
                loader.load_extractions(con, batch_out)
            counts = {k: counts[k] + done.get(k, 0) for k in ("extracted", "errors")} | {
                "batches": counts["batches"] + 1
            }
            batch_in.unlink()
            batch_out.unlink()
    pending.unlink(missing_ok=True)
    return {"pending": n_pending, **counts, "extractor_version": version}


def record_figures(warehouse: Path, run_id: str) -> dict[str, Any]:
    """This run's headline figures, recorded beside the last run's for comparison."""
    with loader.connect(warehouse) as con:
        current = quality.headline_figures(con)
        previous_run, previous = quality.previous_figures(con, run_id)
        quality.record_figures(con, run_id, current)
    return {"run_id": run_id, "current": current, "previous_run": previous_run, "previous": previous}


def build(warehouse: Path, full: bool = False) -> dict[str, Any]:
    """The taxonomy, every derived table from the raw tables, then the checks. ``full`` drops
    the derived tables first, so that they are recreated from raw alone."""
    with loader.connect(warehouse) as con:
        loader.load_taxonomy(con, TAXONOMY_PATH, taxonomy_version())
        counts = loader.build_models(con, full=full)
        checks = loader.run_checks(con)
        # the synthetic mark is the data's: any demo record in the raw tables makes the warehouse
        # synthetic, and every reader (report, plots, notebooks, the published copy) says so
        synthetic = loader.synthetic_records(con)
        loader.set_meta(con, "synthetic", "true" if synthetic else "false")
        loader.set_meta(con, "synthetic_records", str(synthetic))
    return {"counts": counts, "checks": checks, "synthetic": synthetic > 0}
