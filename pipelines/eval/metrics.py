"""``jobmarket evaluate``: the extractor against the hand-labelled set, field by field.

Accuracy per field; macro-F1 and a confusion matrix for role and remote status; skill precision
and recall over (posting, skill) pairs, and the requirement level's accuracy on the skills found
correctly. The targets of the extraction issue are printed beside the figures."""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path
from typing import Any

from pipelines.eval import EVAL_DIR, Example, load
from pipelines.nlp import build_nlp, extract_many
from pipelines.remote_status import HYBRID, ONSITE, REMOTE, UNKNOWN
from pipelines.role import ROLES

# target -> (field, figure of the report, goal), as the extraction issue sets them
TARGETS = {
    "remote_status": ("remote_status", "accuracy", 0.95),
    "role": ("role", "macro_f1", 0.90),
    "salary": ("salary", "accuracy", 0.97),
    "countries": ("countries", "accuracy", 0.95),
    "skills_precision": ("skills", "precision", 0.90),
    "skills_recall": ("skills", "recall", 0.85),
}
SET_FIELDS = ("countries", "remote_countries", "cities")
EXACT_FIELDS = (
    "remote_status", "role", "is_tech", "ai_involvement", "ai_governance", "seniority", "min_years_experience",
    "degree",
)  # fmt: skip


def salary_key(salary: dict[str, Any] | None) -> tuple | None:
    if salary is None:
        return None
    return (
        round(float(salary["min"]), 2),
        round(float(salary["max"]), 2),
        salary["currency"],
        salary["period"],
    )


def macro_f1(pairs: list[tuple[str, str]], classes: list[str]) -> tuple[float, dict[str, dict[str, float]]]:
    """Macro-F1 over the classes that occur in the labels or the predictions."""
    per_class = {}
    seen = [c for c in classes if any(c in pair for pair in pairs)]
    for cls in seen:
        tp = sum(1 for truth, pred in pairs if truth == cls and pred == cls)
        fp = sum(1 for truth, pred in pairs if truth != cls and pred == cls)
        fn = sum(1 for truth, pred in pairs if truth == cls and pred != cls)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[cls] = {"precision": precision, "recall": recall, "f1": f1, "support": tp + fn}
    return (sum(v["f1"] for v in per_class.values()) / len(per_class) if per_class else 0.0), per_class


def confusion(pairs: list[tuple[str, str]], classes: list[str]) -> dict[str, dict[str, int]]:
    counts = Counter(pairs)
    seen = [c for c in classes if any(c in pair for pair in pairs)]
    return {truth: {pred: counts[(truth, pred)] for pred in seen} for truth in seen}


def score(examples: list[Example], outputs: list[dict[str, Any]]) -> dict[str, Any]:
    n = len(examples)
    report: dict[str, Any] = {"postings": n, "fields": {}, "errors": {}}
    for field in EXACT_FIELDS:
        wrong = [
            (e.record["id"], e.labels[field], o[field])
            for e, o in zip(examples, outputs, strict=True)
            if e.labels[field] != o[field]
        ]
        report["fields"][field] = {"accuracy": 1 - len(wrong) / n}
        report["errors"][field] = wrong
    for field in SET_FIELDS:
        wrong = [
            (e.record["id"], sorted(e.labels[field]), sorted(o[field]))
            for e, o in zip(examples, outputs, strict=True)
            if set(e.labels[field]) != set(o[field])
        ]
        report["fields"][field] = {"accuracy": 1 - len(wrong) / n}
        report["errors"][field] = wrong
    salary_wrong = [
        (e.record["id"], salary_key(e.labels["salary"]), salary_key(o["salary"]))
        for e, o in zip(examples, outputs, strict=True)
        if salary_key(e.labels["salary"]) != salary_key(o["salary"])
    ]
    with_salary = sum(1 for e in examples if e.labels["salary"] is not None)
    report["fields"]["salary"] = {"accuracy": 1 - len(salary_wrong) / n, "labelled_with_salary": with_salary}
    report["errors"]["salary"] = salary_wrong

    for field, classes in (("role", list(ROLES)), ("remote_status", [REMOTE, HYBRID, ONSITE, UNKNOWN])):
        pairs = [(e.labels[field], o[field]) for e, o in zip(examples, outputs, strict=True)]
        value, per_class = macro_f1(pairs, classes)
        report["fields"][field].update(
            macro_f1=value, per_class=per_class, confusion=confusion(pairs, classes)
        )

    tp = fp = fn = level_right = 0
    skill_errors = []
    for e, o in zip(examples, outputs, strict=True):
        truth = e.labels["skills"]
        found: dict[str, str] = {}
        for hit in o["skills"]:
            found.setdefault(hit["skill_id"], hit["requirement"])
        hits = set(truth) & set(found)
        tp += len(hits)
        fp += len(set(found) - set(truth))
        fn += len(set(truth) - set(found))
        level_right += sum(1 for s in hits if truth[s] == found[s])
        missed, extra = sorted(set(truth) - set(found)), sorted(set(found) - set(truth))
        wrong_level = sorted(f"{s}:{found[s]}!={truth[s]}" for s in hits if truth[s] != found[s])
        if missed or extra or wrong_level:
            skill_errors.append((e.record["id"], {"missed": missed, "extra": extra, "level": wrong_level}))
    report["fields"]["skills"] = {
        "precision": tp / (tp + fp) if tp + fp else 0.0,
        "recall": tp / (tp + fn) if tp + fn else 0.0,
        "labelled": tp + fn,
        "requirement_accuracy": level_right / tp if tp else 0.0,
    }
    report["errors"]["skills"] = skill_errors
    return report


def target_rows(report: dict[str, Any]) -> list[tuple[str, float, float, bool]]:
    rows = []
    for name, (field, figure, goal) in TARGETS.items():
        value = report["fields"][field][figure]
        rows.append((name, value, goal, value >= goal))
    return rows


def _matrix(title: str, matrix: dict[str, dict[str, int]]) -> list[str]:
    classes = list(matrix)
    width = max(len(c) for c in classes) + 1
    lines = [f"{title} (rows: label, columns: extracted)"]
    lines.append(" " * width + " ".join(f"{c[:6]:>6}" for c in classes))
    for truth in classes:
        lines.append(f"{truth:<{width}}" + " ".join(f"{matrix[truth][pred]:>6}" for pred in classes))
    return lines


def render(report: dict[str, Any], show_errors: bool = False) -> str:
    fields = report["fields"]
    lines = [f"evaluation set: {report['postings']} hand-labelled postings ({report['source']})", ""]
    lines.append(f"{'field':<22}{'accuracy':>9}")
    for field in (*EXACT_FIELDS, *SET_FIELDS, "salary"):
        lines.append(f"{field:<22}{fields[field]['accuracy']:>9.3f}")
    skills = fields["skills"]
    lines += [
        "",
        f"skills: precision {skills['precision']:.3f}, recall {skills['recall']:.3f} "
        f"over {skills['labelled']} labelled (posting, skill) pairs; "
        f"requirement level right on {skills['requirement_accuracy']:.3f} of the skills found",
        f"role macro-F1 {fields['role']['macro_f1']:.3f}; remote status macro-F1 {fields['remote_status']['macro_f1']:.3f}",
        "",
    ]
    lines.append(f"{'role':<26}{'precision':>10}{'recall':>8}{'f1':>7}{'n':>5}")
    for cls, row in fields["role"]["per_class"].items():
        lines.append(
            f"{cls:<26}{row['precision']:>10.3f}{row['recall']:>8.3f}{row['f1']:>7.3f}{row['support']:>5}"
        )
    lines += ["", *_matrix("remote status", fields["remote_status"]["confusion"]), ""]
    lines += [*_matrix("role", fields["role"]["confusion"]), ""]
    lines.append("targets:")
    for name, value, goal, met in target_rows(report):
        lines.append(f"  {name:<18}{value:>7.3f}  target >= {goal:.2f}  {'met' if met else 'NOT MET'}")
    for split, sub in report.get("splits", {}).items():
        lines.append(f"\n{split} part ({sub['postings']} postings):")
        for name, value, goal, met in target_rows(sub):
            lines.append(f"  {name:<18}{value:>7.3f}  target >= {goal:.2f}  {'met' if met else 'NOT MET'}")
    lines.append(f"\nextraction took {report['seconds']:.2f} s")
    if show_errors:
        lines.append("\nerrors (id, label, extracted):")
        for field, errors in report["errors"].items():
            for error in errors:
                lines.append(f"  {field}: {error}")
    return "\n".join(lines)


def evaluate(directory: Path = EVAL_DIR) -> dict[str, Any]:
    examples = load(directory)
    started = time.perf_counter()
    outputs = list(extract_many([e.record for e in examples], nlp=build_nlp()))
    seconds = time.perf_counter() - started
    report = score(examples, outputs)
    report["splits"] = {}
    for split in ("development", "holdout"):
        chosen = [i for i, e in enumerate(examples) if e.split == split]
        if chosen and len(chosen) < len(examples):
            sub = score([examples[i] for i in chosen], [outputs[i] for i in chosen])
            report["splits"][split] = {"postings": sub["postings"], "fields": sub["fields"]}
    report["seconds"] = seconds
    report["source"] = str(directory)
    return report


def main(directory: str | None = None, as_json: bool = False, show_errors: bool = False) -> int:
    report = evaluate(Path(directory) if directory else EVAL_DIR)
    print(json.dumps(report, indent=1, default=str) if as_json else render(report, show_errors))
    return 0
