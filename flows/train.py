"""``jobmarket train`` (``make train``): the trained components, rebuilt from the real labels.

Each classifier is trained on the labelled development part only (never the holdout), from the
texts the extractor itself picks out of those postings, and saved into ``pipelines/models/``
(shipped with the package). Before saving, a 5-fold cross-validation on the same part compares it
with the rule it would replace, so the choice of model or rule per field is on record.
"""

from __future__ import annotations

import random
import shutil
import sys
import tempfile
from pathlib import Path

from flows.real_eval import SharedMissing, extraction_rows
from pipelines import textcat
from pipelines.ai_involvement import MODEL_DECIDES
from pipelines.eval.real import load
from pipelines.role import AI_ROLES

AI_CLASSES = ["required", "preferred", "mentioned", "none"]


def development_rows(labels):
    with tempfile.TemporaryDirectory(prefix="jobmarket-train-") as tmp:
        rows, _ = extraction_rows(labels, Path(tmp), extras=("ai_snippet", "ai_involvement_rule"))
    return rows


def ai_involvement_data(labels, rows) -> list[tuple[str, str, str]]:
    """(text the classifier reads, label, the rule's answer) for the postings it would decide:
    AI skills named, a role that is not an AI role by definition, and a rule that found some."""
    out = []
    for label, row in zip(labels, rows, strict=True):
        if row is None or not label["is_job_posting"] or not row["ai_snippet"] or row["role"] in AI_ROLES:
            continue
        if row["ai_involvement_rule"] == "none":
            continue  # every hit negated, about hiring or another position: the rule is sure
        out.append(
            (ai_features(row["role"], row["ai_snippet"]), label["ai_involvement"], row["ai_involvement_rule"])
        )
    return out


def ai_features(role: str, snippet: str) -> str:
    return f"[role {role}]\n{snippet}"


def role_data(labels, rows) -> list[tuple[str, str, str]]:
    """(title, the rule's role and the AI sentences; label; the rule's role) of the tech postings
    that name AI skills: where a classifier of the role could tell an AI role from a generic title."""
    out = []
    for label, row in zip(labels, rows, strict=True):
        if row is None or not label["is_job_posting"] or not row["ai_snippet"]:
            continue
        if row["role"] == "non_tech" or label["role"] == "non_tech":
            continue
        out.append(
            (
                f"[title] {row['title'] or ''}\n[rule {row['role']}]\n{row['ai_snippet']}",
                label["role"],
                row["role"],
            )
        )
    return out


def cross_validate(data, classes, combine, folds: int = 5, seed: int = 0) -> tuple[float, float]:
    """(the rule's accuracy, the classifier's as ``combine(prediction, rule)`` uses it) by k-fold
    cross-validation: each fold is predicted by a model trained on the others."""
    order = list(range(len(data)))
    random.Random(seed).shuffle(order)
    right = 0
    for k in range(folds):
        test = set(order[k::folds])
        train_part = [data[i] for i in order if i not in test]
        model = textcat.train([t for t, _, _ in train_part], [y for _, y, _ in train_part], classes, seed=k)
        tested = [data[i] for i in sorted(test)]
        predicted = textcat.predict(model, [t for t, _, _ in tested])
        combined = [combine(p, r) for p, (_, _, r) in zip(predicted, tested, strict=True)]
        right += sum(p == y for p, (_, y, _) in zip(combined, tested, strict=True))
    return sum(r == y for _, y, r in data) / len(data), right / len(data)


def main() -> int:
    try:
        labels = [lab for lab in load() if lab.split == "dev"]
        rows = development_rows(labels)
    except SharedMissing as exc:
        print(f"jobmarket train: needs the real postings: {exc}", file=sys.stderr)
        return 2
    # Role: measured, not shipped while the rules win (titles are read by rules; the AI roles are
    # too few in the development part for a classifier to learn them apart).
    roles = role_data(labels, rows)
    classes = sorted({y for _, y, _ in roles} | {r for _, _, r in roles})
    rule, model = cross_validate(roles, classes, lambda p, r: p if r == "other_tech" and p in AI_ROLES else r)
    print(f"role: {len(roles)} development tech postings naming AI skills")
    verdict = "a classifier would win (not shipped)" if model > rule else "the rule is kept"
    print(
        f"  5-fold cross-validation: rule {rule:.3f}, classifier upgrading generic titles {model:.3f}: {verdict}"
    )

    data = ai_involvement_data(labels, rows)
    # as the extractor combines them: the classifier decides where the rule read required or mentioned
    rule, model = cross_validate(data, AI_CLASSES, lambda p, r: p if r in MODEL_DECIDES else r)
    print(
        f"ai_involvement: {len(data)} development postings with AI skills and a role that is not an AI role"
    )
    print(f"  5-fold cross-validation: rule {rule:.3f}, trained classifier with the rule {model:.3f}")
    target = textcat.MODELS_DIR / "ai_involvement"
    if model <= rule:
        print("  the rule is kept: no model written")
        shutil.rmtree(target, ignore_errors=True)
        return 0
    nlp = textcat.train([t for t, _, _ in data], [y for _, y, _ in data], AI_CLASSES, seed=0)
    shutil.rmtree(target, ignore_errors=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(target)
    size = sum(p.stat().st_size for p in target.rglob("*") if p.is_file())
    print(f"  trained on all {len(data)}; written to {target} ({size / 1e6:.1f} MB)")
    return 0
