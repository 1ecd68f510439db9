"""The labelled evaluation set, its reader, the scores and ``jobmarket evaluate``."""

import json

import pytest

from flows.cli import main
from pipelines.eval import EvalFormatError, load, parse
from pipelines.eval.metrics import TARGETS, confusion, evaluate, macro_f1, score, target_rows
from pipelines.role import ROLES
from pipelines.skills import load_taxonomy

EXAMPLE = """
=== x-1
source: lever
title: Data Engineer
location: Berlin
salary_hint: 60000-70000 EUR year
--- description
Python and SQL.

Hybrid, 2 days in the office.
--- labels
remote: hybrid
countries: DE
cities: Berlin, DE
role: other_tech
ai_involvement: none
seniority: unknown
salary: 60000-70000 EUR year
skills: python:r sql:required
"""


def test_parse_one_example():
    [example] = parse(EXAMPLE)
    assert example.record["title"] == "Data Engineer"
    assert example.record["description"] == "Python and SQL.\n\nHybrid, 2 days in the office."
    assert (example.record["salary_min"], example.record["salary_currency"]) == (60000.0, "EUR")
    assert example.labels["skills"] == {"python": "required", "sql": "required"}
    assert example.labels["is_tech"] is True and example.labels["degree"] == "none"


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        (EXAMPLE.replace("remote: hybrid\n", ""), "label 'remote' is required"),
        (EXAMPLE.replace("sql:required", "sql"), "needs a level"),
        (EXAMPLE.replace("--- labels", "--- lables"), "has no '--- labels'"),
        (EXAMPLE.replace("salary: 60000-70000 EUR year", "salary: lots"), "is not 'MIN-MAX CUR PERIOD'"),
        (EXAMPLE.replace("role: other_tech", "role: other_tech\nmood: good"), "unknown label"),
    ],
)
def test_format_errors_name_the_line(broken, message):
    with pytest.raises(EvalFormatError, match=message):
        parse(broken, "x.txt")


def test_the_bundled_set_is_large_and_labelled_by_the_definitions():
    examples = load()
    assert len(examples) >= 300
    taxonomy = load_taxonomy()
    for example in examples:
        labels = example.labels
        assert labels["role"] in ROLES, example.where
        assert labels["remote_status"] in {"remote", "hybrid", "onsite", "unknown"}, example.where
        assert labels["ai_involvement"] in {"required", "preferred", "mentioned", "none"}, example.where
        assert set(labels["skills"]) <= set(taxonomy), example.where
        assert set(labels["remote_countries"]) <= set(labels["countries"]) or not labels["countries"], (
            example.where
        )
    # the hard cases the issue asks for are all there
    roles = {e.labels["role"] for e in examples}
    assert roles == set(ROLES)
    assert (
        sum(e.labels["salary"] is not None and e.labels["salary"]["currency"] != "USD" for e in examples)
        >= 40
    )
    assert sum(len(e.labels["countries"]) > 1 for e in examples) >= 15


def test_macro_f1_and_confusion_by_hand():
    pairs = [("a", "a"), ("a", "b"), ("b", "b"), ("c", "b")]
    value, per_class = macro_f1(pairs, ["a", "b", "c"])
    # a: p=1 r=.5 f=.667; b: p=.333 r=1 f=.5; c: f=0
    assert value == pytest.approx((2 / 3 + 0.5 + 0) / 3)
    assert per_class["b"]["support"] == 1
    assert confusion(pairs, ["a", "b", "c"])["c"] == {"a": 0, "b": 1, "c": 0}


def test_score_counts_skill_pairs_and_levels():
    [example] = parse(EXAMPLE)
    output = {
        **{k: example.labels[k] for k in ("remote_status", "role", "is_tech", "ai_involvement", "ai_governance")},
        **{k: example.labels[k] for k in ("seniority", "min_years_experience", "degree", "countries")},
        "remote_countries": [], "cities": ["Berlin, DE"],
        "salary": {"min": 60000, "max": 70000, "currency": "EUR", "period": "year"},
        "skills": [{"skill_id": "python", "requirement": "preferred"}, {"skill_id": "docker", "requirement": "required"}],
    }  # fmt: skip
    report = score([example], [output])
    skills = report["fields"]["skills"]
    assert (skills["precision"], skills["recall"], skills["requirement_accuracy"]) == (0.5, 0.5, 0.0)
    assert report["fields"]["salary"]["accuracy"] == 1.0


def test_the_extractor_meets_the_targets_on_the_set():
    # A regression guard: the set was used to write the rules (see the README for the
    # held-out figures), so these are the floor a change must not fall through.
    report = evaluate()
    assert report["postings"] >= 300
    missed = [(name, round(value, 3), goal) for name, value, goal, met in target_rows(report) if not met]
    assert not missed
    assert set(TARGETS) == {name for name, *_ in target_rows(report)}


def test_cli_prints_the_scores(capsys):
    assert main(["evaluate", "--handwritten"]) == 0
    out = capsys.readouterr().out
    for part in ("remote status (rows: label", "role macro-F1", "skills: precision", "targets:"):
        assert part in out
    assert main(["evaluate", "--handwritten", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["fields"]["role"]["confusion"]["ml_engineer"]["ml_engineer"] > 0
