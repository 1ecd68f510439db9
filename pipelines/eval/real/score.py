"""Scores of the extraction against the real labels, field by field, per source, and the headline
figures computed from both.

A *row* is what the warehouse holds of one posting: the extraction contract's fields plus the
item's ``title`` and ``company`` (the spider's, e.g. a Hacker News header read). Fields are scored
on the labelled job postings (``is_job_posting``); the headline figures are computed over every
labelled record, as the warehouse counts them (a record that is no posting is non-tech in the
labels).

Conventions of the comparison, so that a figure means one thing:
- sets (``countries``, ``remote_countries``, ``roles``) are equal as sets; ``remote_countries``
  null (not stated) and [] (worldwide) both compare as no country;
- salary is exact on (min, max, currency, period), rounded to cents; "on postings that publish
  pay" is over the postings whose label has a salary;
- title and company compare case- and punctuation-insensitively;
- skills compare by taxonomy skill: a label's name resolves to the skill whose name or alias it
  is (``label_names.csv`` adds spellings labellers used for a skill), else stays a name of its
  own that no extraction can match (a miss for recall). Precision and recall are over (posting,
  skill) pairs of tech postings, as the issue's targets read them; the same over all postings
  is reported beside.
"""

from __future__ import annotations

import csv
import math
import re
import unicodedata
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Any

from pipelines.eval.metrics import confusion, macro_f1, salary_key
from pipelines.eval.real import AI_INVOLVEMENT, REAL_DIR, REMOTE, Label
from pipelines.role import AI_ROLES, ROLES

LABEL_NAMES = REAL_DIR / "label_names.csv"
Z95 = 1.959963984540054

# The targets on the real holdout: (name, field, figure, goal).
TARGETS = (
    ("remote_status", "remote_status", "accuracy", 0.95),
    ("role", "role", "accuracy", 0.90),
    ("role_macro_f1_ai", "role", "macro_f1_ai", 0.85),
    ("is_tech", "is_tech", "accuracy", 0.95),
    ("ai_involvement", "ai_involvement", "accuracy", 0.90),
    ("salary", "salary", "accuracy", 0.95),
    ("salary_when_paid", "salary", "accuracy_when_paid", 0.90),
    ("countries", "countries", "accuracy", 0.92),
    ("seniority", "seniority", "accuracy", 0.85),
    ("skills_precision", "skills", "precision", 0.90),
    ("skills_recall", "skills", "recall", 0.85),
)
EXACT = ("remote_status", "role", "is_tech", "ai_involvement", "seniority", "min_years_experience")
SETS = ("countries", "remote_countries", "roles")
TEXTS = ("title_primary", "company")
ROW_OF = {"title_primary": "title", "company": "company"}


def norm_text(value: str | None) -> str:
    value = unicodedata.normalize("NFKC", value or "").casefold()
    return " ".join(re.sub(r"[^\w+#]+", " ", value).split())


@lru_cache(maxsize=1)
def skill_index() -> dict[str, str]:
    """Lower-cased name or alias -> skill_id, from the taxonomy and the labellers' spellings."""
    from pipelines.skills import load_taxonomy

    index: dict[str, str] = {}
    for skill in load_taxonomy().values():
        for form in skill.written_forms:
            index.setdefault(form, skill.skill_id)
    if LABEL_NAMES.exists():
        with open(LABEL_NAMES, newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                index[row["label_name"].strip().lower()] = row["skill_id"].strip()
    return index


def skill_key(name: str) -> str:
    lowered = " ".join(name.strip().lower().split())
    index = skill_index()
    if lowered in index:
        return index[lowered]
    return "name:" + norm_text(name)


def wilson(k: int, n: int) -> tuple[float | None, float | None, float | None]:
    if n == 0:
        return None, None, None
    p = k / n
    denom = 1 + Z95**2 / n
    centre = (p + Z95**2 / (2 * n)) / denom
    half = Z95 * math.sqrt(p * (1 - p) / n + Z95**2 / (4 * n * n)) / denom
    return p, max(0.0, centre - half), min(1.0, centre + half)


def _set(value: Any) -> frozenset:
    return frozenset(value or ())


def headline(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The published figures over ``rows`` (extractions or labels in the same shape)."""
    tech = [r for r in rows if r["is_tech"]]
    ai = [r for r in tech if r["ai_involvement"] in ("required", "preferred")]
    ai_roles = [r for r in tech if r["role"] in AI_ROLES]
    known = [r for r in ai_roles if r["remote_status"] != "unknown"]
    flexible = [r for r in known if r["remote_status"] in ("remote", "hybrid")]
    out = {}
    for name, k, n in (
        ("ai_share_of_tech", len(ai), len(tech)),
        ("ai_role_share_of_tech", len(ai_roles), len(tech)),
        ("remote_or_hybrid_share_of_ai_roles", len(flexible), len(known)),
    ):
        value, low, high = wilson(k, n)
        out[name] = {"value": value, "ci_low": low, "ci_high": high, "k": k, "n": n}
    out["tech_postings"] = {"value": len(tech), "n": len(rows)}
    return out


def label_row(label: Label) -> dict[str, Any]:
    """A label in the shape of an extraction row, for the headline figures."""
    posting = label["is_job_posting"]
    return {
        "is_tech": bool(posting and label["is_tech"]),
        "ai_involvement": label["ai_involvement"] if posting else "none",
        "role": label["role"] if posting else "non_tech",
        "remote_status": label["remote_status"] if posting else "unknown",
    }


def _skills(row: dict[str, Any]) -> set[str]:
    return {hit["skill_id"] for hit in row.get("skills") or []}


def score(labels: list[Label], rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Field scores, per-source accuracies and the headline figures of ``rows`` against ``labels``."""
    pairs = [(lab, row) for lab, row in zip(labels, rows, strict=True) if lab["is_job_posting"]]
    report: dict[str, Any] = {"records": len(labels), "postings": len(pairs), "fields": {}, "errors": {}}
    per_source: dict[str, dict[str, list[bool]]] = defaultdict(lambda: defaultdict(list))

    def record(field: str, lab: Label, right: bool, truth: Any, got: Any) -> None:
        per_source[lab.source][field].append(right)
        if not right:
            report["errors"].setdefault(field, []).append((lab.source, lab.source_id, truth, got))

    for field in EXACT:
        for lab, row in pairs:
            record(field, lab, lab[field] == row.get(field), lab[field], row.get(field))
    for field in SETS:
        for lab, row in pairs:
            if field == "roles" and "roles" not in row:
                continue
            truth, got = _set(lab[field]), _set(row.get(field))
            record(field, lab, truth == got, sorted(truth), sorted(got))
    for field in TEXTS:
        for lab, row in pairs:
            truth, got = lab[field], row.get(ROW_OF[field])
            record(field, lab, norm_text(truth) == norm_text(got), truth, got)
    for lab, row in pairs:
        truth, got = salary_key(lab["salary"]), salary_key(row.get("salary"))
        record("salary", lab, truth == got, truth, got)

    for field, results in _merge(per_source).items():
        report["fields"][field] = {
            "accuracy": sum(results) / len(results) if results else None,
            "n": len(results),
        }
    paid = [(lab, row) for lab, row in pairs if lab["salary"] is not None]
    report["fields"]["salary"]["accuracy_when_paid"] = (
        sum(salary_key(lab["salary"]) == salary_key(row.get("salary")) for lab, row in paid) / len(paid)
        if paid
        else None
    )
    report["fields"]["salary"]["n_paid"] = len(paid)

    for field, classes in (("role", list(ROLES)), ("remote_status", list(REMOTE)),
                           ("ai_involvement", list(AI_INVOLVEMENT))):  # fmt: skip
        classified = [(lab[field], row.get(field)) for lab, row in pairs]
        value, per_class = macro_f1(classified, classes)
        report["fields"][field].update(
            macro_f1=value, per_class=per_class, confusion=confusion(classified, classes)
        )
    ai_classes = {c: v for c, v in report["fields"]["role"]["per_class"].items() if c in AI_ROLES}
    report["fields"]["role"]["macro_f1_ai"] = (
        sum(v["f1"] for v in ai_classes.values()) / len(ai_classes) if ai_classes else None
    )

    report["fields"]["skills"] = skill_scores(pairs, report["errors"])
    report["fields"]["skills_all_postings"] = skill_scores(pairs, None, tech_only=False)
    report["per_source"] = {
        source: {field: sum(v) / len(v) for field, v in fields.items() if v}
        | {"n": max(map(len, fields.values()))}
        for source, fields in sorted(per_source.items())
    }
    report["headline"] = {
        "extracted": headline(rows),
        "labelled": headline([label_row(lab) for lab in labels]),
    }
    return report


def _merge(per_source: dict[str, dict[str, list[bool]]]) -> dict[str, list[bool]]:
    merged: dict[str, list[bool]] = defaultdict(list)
    for fields in per_source.values():
        for field, results in fields.items():
            merged[field].extend(results)
    return merged


def skill_scores(pairs, errors: dict | None, tech_only: bool = True) -> dict[str, Any]:
    tp = fp = fn = 0
    missed: Counter = Counter()
    extra: Counter = Counter()
    for lab, row in pairs:
        if tech_only and not lab["is_tech"]:
            continue
        truth = {skill_key(name) for name in lab["skills"]}
        found = _skills(row)
        tp += len(truth & found)
        fp += len(found - truth)
        fn += len(truth - found)
        missed.update(truth - found)
        extra.update(found - truth)
        if errors is not None and (truth - found or found - truth):
            errors.setdefault("skills", []).append(
                (lab.source, lab.source_id, sorted(truth - found), sorted(found - truth))
            )
    return {
        "precision": tp / (tp + fp) if tp + fp else None,
        "recall": tp / (tp + fn) if tp + fn else None,
        "labelled_pairs": tp + fn,
        "extracted_pairs": tp + fp,
        "top_missed": missed.most_common(40),
        "top_extra": extra.most_common(40),
    }


def target_rows(report: dict[str, Any]) -> list[tuple[str, float | None, float, bool]]:
    rows = []
    for name, field, figure, goal in TARGETS:
        value = report["fields"][field].get(figure)
        rows.append((name, value, goal, value is not None and value >= goal))
    ext, lab = report["headline"]["extracted"], report["headline"]["labelled"]
    for name in ("ai_share_of_tech", "ai_role_share_of_tech"):
        gap = (
            None
            if None in (ext[name]["value"], lab[name]["value"])
            else abs(ext[name]["value"] - lab[name]["value"])
        )
        rows.append(
            (f"{name}_gap_points", None if gap is None else 100 * gap, 2.0, gap is not None and gap <= 0.02)
        )
    n_ext, n_lab = ext["tech_postings"]["value"], lab["tech_postings"]["value"]
    gap = abs(n_ext - n_lab) / n_lab if n_lab else None
    rows.append(("tech_postings_gap_share", gap, 0.05, gap is not None and gap <= 0.05))
    return rows


def _fmt(value: float | None, digits: int = 3) -> str:
    return "   n/a" if value is None else f"{value:.{digits}f}"


def _share(fig: dict[str, Any]) -> str:
    if fig.get("value") is None:
        return "n/a"
    if "ci_low" not in fig:
        return f"{fig['value']:,}"
    return f"{100 * fig['value']:.1f}% [{100 * fig['ci_low']:.1f}, {100 * fig['ci_high']:.1f}] ({fig['k']}/{fig['n']})"


def _matrix(title: str, matrix: dict[str, dict[str, int]]) -> list[str]:
    classes = list(matrix)
    width = max(len(c) for c in classes) + 1
    lines = [
        f"{title} (rows: label, columns: extracted)",
        " " * width + " ".join(f"{c[:7]:>7}" for c in classes),
    ]
    for truth in classes:
        lines.append(f"{truth:<{width}}" + " ".join(f"{matrix[truth][pred]:>7}" for pred in classes))
    return lines


def render(report: dict[str, Any], title: str, show_errors: bool = False) -> str:
    fields = report["fields"]
    lines = [f"{title}: {report['postings']} labelled postings ({report['records']} records)", ""]
    lines.append(f"{'field':<24}{'accuracy':>9}")
    for field in (*EXACT, *SETS, *TEXTS, "salary"):
        if field in fields:
            lines.append(f"{field:<24}{_fmt(fields[field]['accuracy']):>9}")
    salary = fields["salary"]
    lines.append(f"{'salary (when paid)':<24}{_fmt(salary['accuracy_when_paid']):>9}   n={salary['n_paid']}")
    for key, name in (("skills", "tech postings"), ("skills_all_postings", "all postings")):
        sk = fields[key]
        lines.append(
            f"skills ({name}): precision {_fmt(sk['precision'])}, recall {_fmt(sk['recall'])} "
            f"over {sk['labelled_pairs']} labelled and {sk['extracted_pairs']} extracted (posting, skill) pairs"
        )
    lines.append(
        f"macro-F1: role {_fmt(fields['role']['macro_f1'])} (AI roles {_fmt(fields['role']['macro_f1_ai'])}), "
        f"remote status {_fmt(fields['remote_status']['macro_f1'])}, ai_involvement {_fmt(fields['ai_involvement']['macro_f1'])}"
    )
    lines += ["", f"{'role':<26}{'precision':>10}{'recall':>8}{'f1':>7}{'n':>5}"]
    for cls, row in fields["role"]["per_class"].items():
        lines.append(
            f"{cls:<26}{row['precision']:>10.3f}{row['recall']:>8.3f}{row['f1']:>7.3f}{row['support']:>5}"
        )
    for field in ("remote_status", "ai_involvement", "role"):
        lines += ["", *_matrix(field, fields[field]["confusion"])]
    sources = report["per_source"]
    shown = (
        "remote_status",
        "role",
        "is_tech",
        "ai_involvement",
        "seniority",
        "countries",
        "salary",
        "title_primary",
    )
    lines += [
        "",
        "per source (accuracy):",
        f"{'source':<16}{'n':>5}" + "".join(f"{f[:10]:>11}" for f in shown),
    ]
    for source, row in sources.items():
        lines.append(f"{source:<16}{row['n']:>5}" + "".join(f"{_fmt(row.get(f)):>11}" for f in shown))
    ext, lab = report["headline"]["extracted"], report["headline"]["labelled"]
    lines += ["", "headline figures (extracted | labelled, 95% Wilson intervals):"]
    for name in (
        "ai_share_of_tech",
        "ai_role_share_of_tech",
        "remote_or_hybrid_share_of_ai_roles",
        "tech_postings",
    ):
        lines.append(f"  {name:<36}{_share(ext[name]):<34} | {_share(lab[name])}")
    lines += ["", "targets:"]
    for name, value, goal, met in target_rows(report):
        sign = "<=" if name.endswith(("points", "share")) else ">="
        lines.append(f"  {name:<30}{_fmt(value):>8}  target {sign} {goal:g}  {'met' if met else 'NOT MET'}")
    if show_errors:
        lines.append("\nerrors (source, source_id, label, extracted):")
        for field, errors in report["errors"].items():
            for error in errors:
                lines.append(f"  {field}: {error}")
    return "\n".join(lines)


def agreement(first: list[dict[str, Any]], second: list[dict[str, Any]]) -> dict[str, Any]:
    """Agreement of two labellers on the postings both labelled, per field (the same comparisons
    as the scores), Cohen's kappa for the class fields, and skill F1 between the two."""
    by_key = {(r["source"], str(r["source_id"])): r for r in second}
    pairs = [
        (a, by_key[(a["source"], str(a["source_id"]))])
        for a in first
        if (a["source"], str(a["source_id"])) in by_key
    ]
    both = [(a, b) for a, b in pairs if a["is_job_posting"] and b["is_job_posting"]]
    out: dict[str, Any] = {"postings": len(pairs), "fields": {}}
    out["fields"]["is_job_posting"] = sum(a["is_job_posting"] == b["is_job_posting"] for a, b in pairs) / len(
        pairs
    )

    def same(field: str, a: dict[str, Any], b: dict[str, Any]) -> bool:
        if field in SETS:
            return _set(a[field]) == _set(b[field])
        if field in TEXTS:
            return norm_text(a[field]) == norm_text(b[field])
        if field == "salary":
            return salary_key(a[field]) == salary_key(b[field])
        return a[field] == b[field]

    for field in (*EXACT, *SETS, *TEXTS, "salary"):
        out["fields"][field] = sum(same(field, a, b) for a, b in both) / len(both)
    kappas = {}
    for field in ("remote_status", "role", "ai_involvement", "seniority"):
        observed = sum(a[field] == b[field] for a, b in both) / len(both)
        first_counts, second_counts = Counter(a[field] for a, _ in both), Counter(b[field] for _, b in both)
        expected = sum(first_counts[c] * second_counts[c] for c in first_counts) / len(both) ** 2
        kappas[field] = (observed - expected) / (1 - expected) if expected < 1 else 1.0
    out["kappa"] = kappas
    tp = only_first = only_second = 0
    for a, b in both:
        sa, sb = {skill_key(s) for s in a["skills"]}, {skill_key(s) for s in b["skills"]}
        tp, only_first, only_second = tp + len(sa & sb), only_first + len(sa - sb), only_second + len(sb - sa)
    out["skills_f1"] = 2 * tp / (2 * tp + only_first + only_second) if tp else 0.0
    return out
