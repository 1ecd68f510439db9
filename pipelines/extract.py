"""``jobmarket extract INPUT.jsonl -o OUTPUT.jsonl``: the extraction contract, file to file.

Input lines: ``{"id", "title", "company", "location", "description"}``, any field but ``id``
null or empty; optional hints the crawl knows: ``locations``, ``workplace_type``,
``salary_min``/``salary_max``/``salary_currency``/``salary_period``, ``salary_text`` (a board's
pay line, "$60k - $80k"), ``country_hints``, ``date_posted``, ``source``.

One output line per non-blank input line, in input order; one bad line never stops the run:

- a line that is not UTF-8, not JSON (nesting too deep included), not an object with an ``id``,
  or whose text fields are not text becomes an error record ``{"id", "line", "error"}``;
- a hint of the wrong type (``country_hints`` a number, ``date_posted`` not an ISO date, ...) is
  ignored and said in the output's ``warnings``; the text is still extracted;
- a text field longer than ``MAX_CHARS`` (the description: 200,000 characters, about 30 times
  the longest real posting seen) is cut there, and ``warnings`` says so;
- a record whose extraction raises anyway becomes an error record with the exception, and the
  records around it are extracted as usual."""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language

from pipelines.nlp import build_nlp, extract_many, version

TEXT_FIELDS = ("title", "company", "location", "description")
MAX_CHARS = {"title": 1_000, "company": 1_000, "location": 5_000, "description": 200_000}
CHUNK = 64  # records extracted together; a chunk that raises is redone one record at a time


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _iso_date(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        date.fromisoformat(value[:10])
    except ValueError:
        return False
    return True


# every optional hint: (accepted when, what is expected)
HINTS = {
    "locations": (_strings, "a list of strings"),
    "country_hints": (_strings, "a list of strings"),
    "workplace_type": (lambda v: isinstance(v, str), "a string"),
    "salary_min": (_number, "a number"),
    "salary_max": (_number, "a number"),
    "salary_currency": (lambda v: isinstance(v, str), "a string"),
    "salary_period": (lambda v: isinstance(v, str), "a string"),
    "salary_text": (lambda v: isinstance(v, str), "a string"),
    "date_posted": (_iso_date, "an ISO-8601 date string"),
    "source": (lambda v: isinstance(v, str), "a string"),
}


def clean_record(record: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The record with its wrong-typed hints dropped and its over-long texts cut, and a warning
    for each."""
    warnings: list[str] = []
    cleaned = dict(record)
    for key, (accepted, expected) in HINTS.items():
        value = cleaned.get(key)
        if value is not None and not accepted(value):
            warnings.append(f"ignored {key}: expected {expected}, got {_shown(value)}")
            cleaned.pop(key)
    for key, limit in MAX_CHARS.items():
        value = cleaned.get(key)
        if isinstance(value, str) and len(value) > limit:
            warnings.append(f"{key} cut at {limit:,} of its {len(value):,} characters")
            cleaned[key] = value[:limit]
    return cleaned, warnings


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return f"{type(value).__name__} {text[:40]}{'...' if len(text) > 40 else ''}"


class LineError(dict):
    """The error record of an input line that cannot be read: ``{"id", "line", "error"}``."""


def read_line(number: int, raw: bytes) -> dict[str, Any]:
    """The record of one input line, or its ``LineError``."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return LineError(id=None, line=number, error=f"not UTF-8: {exc.reason} at byte {exc.start}")
    try:
        record = json.loads(line)
    except RecursionError:
        return LineError(id=None, line=number, error="not JSON: nested too deeply")
    except ValueError as exc:
        return LineError(id=None, line=number, error=f"not JSON: {exc}")
    if (
        not isinstance(record, dict)
        or record.get("id") in (None, "")
        or not isinstance(record["id"], str | int)
    ):
        return LineError(id=None, line=number, error="not an object with an id")
    bad = [f for f in TEXT_FIELDS if record.get(f) is not None and not isinstance(record[f], str)]
    if bad:
        return LineError(id=record["id"], line=number, error=f"not text: {', '.join(bad)}")
    return record


def read_records(handle: Iterable[bytes | str], errors: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """The readable records of a file, hints checked and texts cut (its error records go to
    ``errors``)."""
    for number, raw in enumerate(handle, start=1):
        raw = raw.encode("utf-8", "surrogateescape") if isinstance(raw, str) else raw
        if not raw.strip():
            continue
        record = read_line(number, raw)
        if isinstance(record, LineError):
            errors.append(dict(record))
            continue
        yield clean_record(record)[0]


def _extract_chunk(chunk: list[tuple[int, dict[str, Any]]], nlp: Language) -> list[dict[str, Any]]:
    cleaned = [clean_record(record) for _, record in chunk]
    try:
        results = list(extract_many([r for r, _ in cleaned], nlp=nlp))
    except Exception:
        if len(chunk) == 1:
            raise
        return [out for one in chunk for out in _extract_one(one, nlp)]
    for result, (_, warnings) in zip(results, cleaned, strict=True):
        if warnings:
            result["warnings"] = warnings
    return results


def _extract_one(item: tuple[int, dict[str, Any]], nlp: Language) -> list[dict[str, Any]]:
    number, record = item
    try:
        return _extract_chunk([item], nlp)
    except Exception as exc:  # one record's failure is its own error record, never the run's
        return [
            {
                "id": record.get("id"),
                "line": number,
                "error": f"extraction failed: {type(exc).__name__}: {exc}",
            }
        ]


# JSON leaves these three raw, and str.splitlines() (unlike the file's own iteration) breaks a
# line at each: escaped, a reader that splits either way sees one record a line
LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def _json_line(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False).translate(LINE_BREAKS) + "\n"


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """One pipeline per process: ``extract_pending`` calls ``extract_file`` once per batch."""
    return build_nlp()


def extract_file(input_path: Path, output_path: Path) -> dict[str, int]:
    counts = {"extracted": 0, "errors": 0, "warned": 0}
    nlp = pipeline()
    extractor_version = version()
    output_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = output_path.with_name(output_path.name + ".part")

    def flush(items: list[tuple[int, dict[str, Any]]], out) -> None:
        readable = [(n, r) for n, r in items if not isinstance(r, LineError)]
        results = iter(_extract_chunk(readable, nlp) if readable else [])
        for _, record in items:
            result = dict(record) if isinstance(record, LineError) else next(results)
            if "error" in result and "skills" not in result:
                counts["errors"] += 1
            else:
                result["extractor_version"] = extractor_version
                counts["extracted"] += 1
                counts["warned"] += bool(result.get("warnings"))
            out.write(_json_line(result))

    with open(input_path, "rb") as src, open(tmp, "w", encoding="utf-8") as out:
        items: list[tuple[int, dict[str, Any]]] = []
        for number, raw in enumerate(src, start=1):
            if raw.strip():
                items.append((number, read_line(number, raw)))
            if len(items) >= CHUNK:
                flush(items, out)
                items = []
        flush(items, out)
    tmp.replace(output_path)
    if counts["errors"]:
        print(
            f"extract: {counts['errors']} input line(s) could not be extracted; see error records",
            file=sys.stderr,
        )
    return counts
