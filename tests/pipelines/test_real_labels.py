"""The real labelled set as committed: its size and spread, the split, the double-labelled overlap,
and the scorer's conventions. (The texts are in ../shared; these tests need only the labels.)"""

from collections import Counter

import pytest

from pipelines.eval.real import OVERLAP_DIR, LabelError, check, load, read_jsonl, split_of
from pipelines.eval.real.score import agreement, headline, skill_key, wilson


@pytest.fixture(scope="module")
def labels():
    return load()


def test_size_spread_and_split(labels):
    by_source = Counter(lab.source for lab in labels)
    assert len(labels) >= 1500
    assert by_source["hn_whoishiring"] >= 900 and by_source["remotejobsorg"] >= 300
    assert by_source["weworkremotely"] >= 200 and by_source["themuse"] == 27
    holdout = [lab for lab in labels if lab.split == "holdout"]
    assert len(holdout) >= 500
    assert all(lab.split == split_of(lab.source, lab.source_id) for lab in labels)
    assert sum(not lab["is_tech"] for lab in labels) >= 200  # tech and non-tech alike


def test_overlap_agreement_is_reported_per_field():
    first, second = read_jsonl(OVERLAP_DIR / "first.jsonl"), read_jsonl(OVERLAP_DIR / "second.jsonl")
    assert len(second) >= 150
    agreed = agreement(first, second)
    assert agreed["postings"] == len(second)
    assert set(agreed["kappa"]) == {"remote_status", "role", "ai_involvement", "seniority"}
    assert 0.5 < agreed["fields"]["remote_status"] <= 1 and 0 < agreed["skills_f1"] <= 1
    adjudicated = read_jsonl(OVERLAP_DIR / "adjudication.jsonl")
    assert adjudicated and all(r["adjudication"] for r in adjudicated)


def test_a_malformed_label_is_refused(tmp_path):
    (tmp_path / "x.jsonl").write_text('{"source": "hn_whoishiring", "source_id": "1"}\n')
    with pytest.raises(LabelError, match="missing"):
        load(tmp_path)
    assert check({"source": "s", "source_id": "1", "is_job_posting": True, "title_primary": None, "company": None,
                  "remote_status": "far", "remote_evidence": None, "remote_countries": None, "countries": [],
                  "role": "other_tech", "roles": ["other_tech"], "is_tech": True, "ai_involvement": "none",
                  "seniority": "unknown", "min_years_experience": None, "salary": None, "skills": [], "notes": None},
                 "x")  # fmt: skip


def test_skill_names_resolve_to_the_taxonomy():
    assert skill_key("React.js") == skill_key("ReactJS") == "react"
    assert skill_key("DevOps") == "devops_practices"
    assert skill_key("Some Tool Nobody Knows").startswith("name:")


def test_headline_figures_and_wilson_intervals():
    rows = [{"is_tech": True, "ai_involvement": "required", "role": "ml_engineer", "remote_status": "remote"},
            {"is_tech": True, "ai_involvement": "none", "role": "other_tech", "remote_status": "onsite"},
            {"is_tech": False, "ai_involvement": "none", "role": "non_tech", "remote_status": "unknown"}]  # fmt: skip
    figures = headline(rows)
    assert figures["ai_share_of_tech"]["value"] == 0.5 and figures["tech_postings"]["value"] == 2
    assert figures["remote_or_hybrid_share_of_ai_roles"]["value"] == 1.0
    value, low, high = wilson(5, 10)
    assert value == 0.5 and round(low, 3) == 0.237 and round(high, 3) == 0.763
