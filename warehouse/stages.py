"""The warehouse's stages, each on a warehouse file: load raw, extract what is new, build.

The flow's tasks, the ``rebuild`` command and the tests call these, so the order of the steps
inside a stage lives in one place. Each stage opens and closes its own connection: DuckDB takes
one writing process at a time, and a closed file can be published or read by the next stage."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pipelines.extract import extract_file
from pipelines.nlp import version as extractor_version
from pipelines.skills import TAXONOMY_PATH, taxonomy_version
from warehouse import loader


def load_landing(warehouse: Path, raw_dir: Path, order=None) -> list[dict[str, Any]]:
    """Every finished landing file not yet in the ingest log (``order`` may reorder them)."""
    files = loader.landing_files(raw_dir)
    with loader.connect(warehouse) as con:
        return loader.load_raw(con, order(files) if order else files)


def extract_pending(warehouse: Path, work_dir: Path, run_id: str) -> dict[str, Any]:
    """Extract the posting contents that have no result under the current extractor version.

    The hand-off is through files (the ``jobmarket extract`` contract), so the extractor could
    run elsewhere; the warehouse is closed while it runs."""
    version = extractor_version()
    pending = work_dir / f"extract-{run_id}.in.jsonl"
    done = work_dir / f"extract-{run_id}.out.jsonl"
    with loader.connect(warehouse) as con:
        loader.build_staging(con)
        loader.set_meta(con, "extractor_version", version)
        n_pending = loader.write_extraction_input(con, version, pending)
    counts = {"extracted": 0, "errors": 0}
    if n_pending:
        counts = extract_file(pending, done)
        with loader.connect(warehouse) as con:
            loader.load_extractions(con, done)
    pending.unlink(missing_ok=True)
    done.unlink(missing_ok=True)
    return {"pending": n_pending, **counts, "extractor_version": version}


def build(warehouse: Path, full: bool = False) -> dict[str, Any]:
    """The taxonomy, every derived table from the raw tables, then the checks. ``full`` drops
    the derived tables first, so that they are recreated from raw alone."""
    with loader.connect(warehouse) as con:
        loader.load_taxonomy(con, TAXONOMY_PATH, taxonomy_version())
        counts = loader.build_models(con, full=full)
        checks = loader.run_checks(con)
    return {"counts": counts, "checks": checks}
