"""The hand-labelled evaluation set and its reader.

The postings in ``postings/*.txt`` were written and labelled by hand for this project (none is
copied from a real board), in the shapes the sources send: HTML or plain descriptions, the
structured hints the spiders pass on (workplace type, salary fields, country hints). They are
chosen to be hard: negations, hybrid wording, several locations, several currencies, skill
names that are also words, AI roles under unusual titles. The labels follow the definitions in
the README ("Extraction"). The format is meant for editing by hand::

    === gh-ml-001
    source: greenhouse
    title: Senior Machine Learning Engineer
    location: Berlin, Germany
    workplace_type: hybrid              (optional hints, as the spiders pass them)
    salary_hint: 80000-100000 EUR year
    --- description
    <p>Free text or HTML, up to the labels.</p>
    --- labels
    remote: hybrid
    countries: DE
    remote_countries:
    cities: Berlin, DE
    role: ml_engineer
    is_tech: yes
    ai_involvement: required
    ai_governance: no
    seniority: senior
    years: 5
    degree: master
    salary: 80000-100000 EUR year       (or: none)
    skills: python:required pytorch:preferred kafka:mentioned

Files named ``*holdout*`` are the held-out part: written after the rules were tuned on the
others and not tuned on since; ``jobmarket evaluate`` scores the two parts apart as well.

Omitted labels take these defaults: ``countries``/``remote_countries``/``cities`` empty,
``is_tech`` from the role, ``ai_governance: no``, ``years`` none, ``degree: none``,
``salary: none``, ``skills`` none.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

EVAL_DIR = Path(__file__).with_name("postings")
HINT_KEYS = {"source", "title", "company", "location", "workplace_type", "date_posted", "country_hints"}
LABEL_KEYS = {
    "remote", "countries", "remote_countries", "cities", "role", "is_tech", "ai_involvement", "ai_governance",
    "seniority", "years", "degree", "salary", "skills",
}  # fmt: skip
LEVELS = {
    "required": "required",
    "preferred": "preferred",
    "mentioned": "mentioned",
    "r": "required",
    "p": "preferred",
    "m": "mentioned",
}


class EvalFormatError(ValueError):
    pass


@dataclass
class Example:
    record: dict[str, Any]  # the extractor's input
    labels: dict[str, Any]
    where: str  # file:line, for messages
    split: str = "development"  # or "holdout": written after the rules were tuned, not tuned on


def _codes(value: str) -> list[str]:
    return [v.strip() for v in value.replace(";", ",").split(",") if v.strip()] if value.strip() else []


def _yes(value: str, where: str) -> bool:
    if value.strip().lower() in {"yes", "true"}:
        return True
    if value.strip().lower() in {"no", "false"}:
        return False
    raise EvalFormatError(f"{where}: expected yes or no, got {value!r}")


def parse_salary(value: str, where: str) -> dict[str, Any] | None:
    """``80000-100000 EUR year`` or ``45 USD hour`` or ``none``."""
    value = value.strip()
    if value.lower() in {"", "none"}:
        return None
    try:
        amounts, currency, period = value.split()
        low, _, high = amounts.partition("-")
        low_f = float(low)
        high_f = float(high) if high else low_f
    except ValueError as exc:
        raise EvalFormatError(f"{where}: salary {value!r} is not 'MIN-MAX CUR PERIOD'") from exc
    return {"min": low_f, "max": high_f, "currency": currency.upper(), "period": period}


def _labels(raw: dict[str, str], where: str) -> dict[str, Any]:
    unknown = set(raw) - LABEL_KEYS
    if unknown:
        raise EvalFormatError(f"{where}: unknown label(s) {sorted(unknown)}")
    for key in ("remote", "role", "seniority", "ai_involvement"):
        if not raw.get(key, "").strip():
            raise EvalFormatError(f"{where}: label {key!r} is required")
    cities = [c.strip() for c in raw.get("cities", "").split(";") if c.strip()]
    skills: dict[str, str] = {}
    for item in raw.get("skills", "").split():
        skill_id, _, level = item.partition(":")
        if level not in LEVELS:
            raise EvalFormatError(f"{where}: skill {item!r} needs a level (required/preferred/mentioned)")
        skills[skill_id] = LEVELS[level]
    years = raw.get("years", "").strip()
    role = raw["role"].strip()
    return {
        "remote_status": raw["remote"].strip(),
        "countries": _codes(raw.get("countries", "")),
        "remote_countries": _codes(raw.get("remote_countries", "")),
        "cities": cities,
        "role": role,
        "is_tech": _yes(raw["is_tech"], where) if "is_tech" in raw else role != "non_tech",
        "ai_involvement": raw["ai_involvement"].strip(),
        "ai_governance": _yes(raw.get("ai_governance", "no"), where),
        "seniority": raw["seniority"].strip(),
        "min_years_experience": int(years) if years and years.lower() != "none" else None,
        "degree": raw.get("degree", "none").strip() or "none",
        "salary": parse_salary(raw.get("salary", "none"), where),
        "skills": skills,
    }


def _record(example_id: str, hints: dict[str, str], description: str, where: str) -> dict[str, Any]:
    unknown = set(hints) - HINT_KEYS - {"salary_hint"}
    if unknown:
        raise EvalFormatError(f"{where}: unknown field(s) {sorted(unknown)}")
    record: dict[str, Any] = {"id": example_id, "description": description.strip() or None}
    for key in ("source", "title", "company", "location", "workplace_type", "date_posted"):
        if hints.get(key, "").strip():
            record[key] = hints[key].strip()
    if hints.get("country_hints", "").strip():
        record["country_hints"] = _codes(hints["country_hints"])
    if hints.get("salary_hint", "").strip():
        salary = parse_salary(hints["salary_hint"], where)
        record.update(
            salary_min=salary["min"],
            salary_max=salary["max"],
            salary_currency=salary["currency"],
            salary_period=salary["period"],
        )
    return record


def parse(text: str, name: str = "<text>") -> list[Example]:
    examples: list[Example] = []
    block: list[tuple[int, str]] = []

    def flush():
        if not block:
            return
        first_no, first = block[0]
        where = f"{name}:{first_no}"
        example_id = first[4:].strip()
        if not example_id:
            raise EvalFormatError(f"{where}: an example needs an id after ===")
        hints: dict[str, str] = {}
        labels: dict[str, str] = {}
        description: list[str] = []
        part = "hints"
        for number, line in block[1:]:
            if line.startswith("--- description"):
                part = "description"
                continue
            if line.startswith("--- labels"):
                part = "labels"
                continue
            if part == "description":
                description.append(line)
                continue
            if not line.strip():
                continue
            key, sep, value = line.partition(":")
            if not sep:
                raise EvalFormatError(f"{name}:{number}: expected 'key: value', got {line!r}")
            (hints if part == "hints" else labels)[key.strip()] = value.strip()
        if part != "labels":
            raise EvalFormatError(f"{where}: example {example_id!r} has no '--- labels' part")
        examples.append(
            Example(_record(example_id, hints, "\n".join(description), where), _labels(labels, where), where)
        )

    for number, line in enumerate(text.split("\n"), start=1):
        if line.startswith("=== "):
            flush()
            block = [(number, line)]
        elif block:
            block.append((number, line))
        elif line.strip() and not line.startswith("#"):
            raise EvalFormatError(f"{name}:{number}: text before the first '=== id' line")
    flush()
    return examples


def load(directory: Path = EVAL_DIR) -> list[Example]:
    examples: list[Example] = []
    for path in sorted(directory.glob("*.txt")):
        parsed = parse(path.read_text(encoding="utf-8"), path.name)
        for example in parsed:
            example.split = "holdout" if "holdout" in path.name else "development"
        examples.extend(parsed)
    ids = [e.record["id"] for e in examples]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise EvalFormatError(f"example ids used twice: {sorted(duplicates)}")
    return examples
