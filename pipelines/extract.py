"""``jobmarket extract INPUT.jsonl -o OUTPUT.jsonl``: the extraction contract, file to file.

Input lines: ``{"id", "title", "company", "location", "description"}``, any field but ``id``
null or empty; optional hints the crawl knows: ``locations``, ``workplace_type``,
``salary_min``/``salary_max``/``salary_currency``/``salary_period``, ``salary_text`` (a board's
pay line, "$60k - $80k"), ``country_hints``,
``date_posted``, ``source``. A line that is not a JSON object with an ``id`` becomes an error
record ``{"id", "line", "error"}`` and the run goes on."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from pipelines.nlp import build_nlp, extract_many, version

TEXT_FIELDS = ("title", "company", "location", "description")


def read_records(handle: TextIO, errors: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for number, line in enumerate(handle, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            errors.append({"id": None, "line": number, "error": f"not JSON: {exc}"})
            continue
        if not isinstance(record, dict) or record.get("id") in (None, ""):
            errors.append({"id": None, "line": number, "error": "not an object with an id"})
            continue
        bad = [f for f in TEXT_FIELDS if record.get(f) is not None and not isinstance(record[f], str)]
        if bad:
            errors.append({"id": record["id"], "line": number, "error": f"not text: {', '.join(bad)}"})
            continue
        yield record


def extract_file(input_path: Path, output_path: Path) -> dict[str, int]:
    errors: list[dict[str, Any]] = []
    count = 0
    nlp = build_nlp()
    extractor_version = version()
    output_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = output_path.with_name(output_path.name + ".part")
    with open(input_path, encoding="utf-8") as src, open(tmp, "w", encoding="utf-8") as out:
        for result in extract_many(read_records(src, errors), nlp=nlp):
            result["extractor_version"] = extractor_version
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
            count += 1
        for error in errors:
            out.write(json.dumps(error, ensure_ascii=False) + "\n")
    tmp.replace(output_path)
    if errors:
        print(f"extract: {len(errors)} input line(s) could not be read; see error records", file=sys.stderr)
    return {"extracted": count, "errors": len(errors)}
