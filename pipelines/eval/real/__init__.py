"""Hand labels of real postings (``../shared/real``, ``../shared/samples``), by ``../shared/LABELS.md``.

One label record per posting, keyed by ``source`` and ``source_id`` (the id the project stores in
``posting_sources``); the texts stay in ``../shared`` and are read from there at run time. Files:

- ``labels/<source>.jsonl``: the labels, one JSON object a line, every field of LABELS.md plus
  ``split`` (``dev``: tuned on; ``holdout``: scored apart, never tuned on) and ``batch`` (the
  labelling batch it came from). Where two labellers disagreed the record holds the adjudicated
  label.
- ``overlap/first.jsonl`` and ``overlap/second.jsonl``: the postings labelled twice, each
  labeller's own record as first written (the agreement figures are computed from these);
  ``overlap/adjudication.jsonl``: per disagreement, the label kept and why.

The split is fixed by a hash of the key (``split_of``), so a posting's part never depends on
what else was labelled. How the set was sampled and labelled: README.md beside this file.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REAL_DIR = Path(__file__).parent
LABELS_DIR = REAL_DIR / "labels"
OVERLAP_DIR = REAL_DIR / "overlap"
HOLDOUT_PER_MILLE = 360

REMOTE = ("remote", "hybrid", "onsite", "unknown")
AI_INVOLVEMENT = ("required", "preferred", "mentioned", "none")
SENIORITY = ("intern", "junior", "mid", "senior", "lead_principal", "manager", "executive", "unknown")
PERIODS = ("hour", "day", "week", "month", "year")
FIELDS = (
    "is_job_posting", "title_primary", "company", "remote_status", "remote_evidence", "remote_countries",
    "countries", "role", "roles", "is_tech", "ai_involvement", "seniority", "min_years_experience", "salary",
    "skills", "notes",
)  # fmt: skip
CODE = re.compile(r"^[A-Z]{2}$")
CURRENCY = re.compile(r"^[A-Z]{3}$")


class LabelError(ValueError):
    pass


def split_of(source: str, source_id: str) -> str:
    digest = hashlib.sha256(f"{source}\x1f{source_id}".encode()).hexdigest()
    return "holdout" if int(digest[:8], 16) % 1000 < HOLDOUT_PER_MILLE else "dev"


@dataclass(frozen=True)
class Label:
    source: str
    source_id: str
    split: str
    fields: dict[str, Any]
    where: str

    @property
    def key(self) -> tuple[str, str]:
        return (self.source, self.source_id)

    def __getitem__(self, name: str) -> Any:
        return self.fields[name]


def check(record: dict[str, Any], where: str) -> list[str]:
    """Problems of one label record against LABELS.md's vocabularies and types."""
    from pipelines.role import ROLES

    problems = []
    missing = [f for f in (*FIELDS, "source", "source_id") if f not in record]
    if missing:
        return [f"{where}: missing {missing}"]
    if not isinstance(record["is_job_posting"], bool):
        problems.append("is_job_posting is not true/false")
    if record["remote_status"] not in REMOTE:
        problems.append(f"remote_status {record['remote_status']!r}")
    if record["role"] not in ROLES or not all(r in ROLES for r in record["roles"] or []):
        problems.append(f"role {record['role']!r} / roles {record['roles']!r}")
    if record["is_job_posting"] and record["role"] not in record["roles"]:
        problems.append("roles does not hold role")
    if record["is_job_posting"] and record["is_tech"] is not (record["role"] != "non_tech"):
        problems.append("is_tech disagrees with role")
    if record["ai_involvement"] not in AI_INVOLVEMENT:
        problems.append(f"ai_involvement {record['ai_involvement']!r}")
    if record["seniority"] not in SENIORITY:
        problems.append(f"seniority {record['seniority']!r}")
    years = record["min_years_experience"]
    if years is not None and (isinstance(years, bool) or not isinstance(years, int)):
        problems.append(f"min_years_experience {years!r}")
    for name in ("countries", "remote_countries"):
        value = record[name]
        if value is None and name == "remote_countries":
            continue
        if not isinstance(value, list) or not all(isinstance(c, str) and CODE.match(c) for c in value):
            problems.append(f"{name} {value!r}")
    salary = record["salary"]
    if salary is not None and (
        not isinstance(salary, dict)
        or set(salary) != {"min", "max", "currency", "period"}
        or salary["period"] not in PERIODS
        or not CURRENCY.match(str(salary["currency"]))
        or not 0 < salary["min"] <= salary["max"]
    ):
        problems.append(f"salary {salary!r}")
    if not isinstance(record["skills"], list) or not all(
        isinstance(s, str) and s.strip() for s in record["skills"]
    ):
        problems.append("skills is not a list of names")
    return [f"{where}: {p}" for p in problems]


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                out.append(json.loads(line))
            except ValueError as exc:
                raise LabelError(f"{path.name}:{number}: not JSON: {exc}") from None
    return out


def load(directory: Path = LABELS_DIR) -> list[Label]:
    """Every label record, checked; a malformed record or a key labelled twice is an error."""
    labels: list[Label] = []
    seen: dict[tuple[str, str], str] = {}
    problems: list[str] = []
    for path in sorted(directory.glob("*.jsonl")):
        for number, record in enumerate(read_jsonl(path), start=1):
            where = f"{path.name}:{number}"
            problems += check(record, where)
            key = (record.get("source"), str(record.get("source_id")))
            if key in seen:
                problems.append(f"{where}: {key} is labelled in {seen[key]} too")
            seen[key] = where
            split = split_of(*key)
            if record.get("split", split) != split:
                problems.append(f"{where}: split {record.get('split')!r}, but the key's hash says {split!r}")
            fields = {f: record[f] for f in FIELDS if f in record}
            labels.append(Label(key[0], key[1], split, fields, where))
    if problems:
        raise LabelError(
            "\n".join(problems[:20]) + (f"\n... {len(problems) - 20} more" if len(problems) > 20 else "")
        )
    return labels
