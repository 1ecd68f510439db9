"""`jobmarket evaluate` on the real labelled postings (skips with one line without ../shared):
every labelled record is found in ../shared and scored, and the figures stay above their floors.

Floors, not targets: the development part's are a little below its figures when the extractor was
last tuned (a regression fails the test); the holdout's below its first scoring (the README)."""

import pytest

from flows.real_eval import evaluate, main
from pipelines.eval.real.score import render
from spiders import replay

DEV_FLOORS = {
    "remote_status": 0.90, "role": 0.87, "is_tech": 0.92, "ai_involvement": 0.90, "seniority": 0.86,
    "countries": 0.83, "salary": 0.96,
}  # fmt: skip


HOLDOUT_FLOORS = {
    "remote_status": 0.88, "role": 0.86, "is_tech": 0.90, "ai_involvement": 0.88, "seniority": 0.83,
    "countries": 0.79, "salary": 0.95,
}  # fmt: skip


@pytest.fixture(scope="module")
def holdout_report():
    if not (replay.shared_dir() / "real").is_dir():
        pytest.skip(f"{replay.shared_dir() / 'real'} is not here (a fresh clone has no ../shared)")
    return evaluate("holdout")


@pytest.mark.parametrize("field", sorted(HOLDOUT_FLOORS))
def test_holdout_floors(holdout_report, field):
    assert holdout_report["fields"][field]["accuracy"] >= HOLDOUT_FLOORS[field]


def test_holdout_headline_figures_within_two_points(holdout_report):
    extracted, labelled = holdout_report["headline"]["extracted"], holdout_report["headline"]["labelled"]
    for name in ("ai_share_of_tech", "ai_role_share_of_tech"):
        assert abs(extracted[name]["value"] - labelled[name]["value"]) <= 0.02, name
    tech = extracted["tech_postings"]["value"], labelled["tech_postings"]["value"]
    assert abs(tech[0] - tech[1]) <= 0.05 * tech[1]


@pytest.fixture(scope="module")
def dev_report():
    if not (replay.shared_dir() / "real").is_dir():
        pytest.skip(f"{replay.shared_dir() / 'real'} is not here (a fresh clone has no ../shared)")
    return evaluate("dev")


def test_every_labelled_record_is_found_and_scored(dev_report):
    assert dev_report["missing"] == 0 and dev_report["extract_errors"] == 0
    assert dev_report["records"] >= 1000


def test_hacker_news_labels_cover_every_year():
    if not (replay.shared_dir() / "real").is_dir():
        pytest.skip("../shared/real is not here")
    from pipelines.eval.real import load

    months = {str(r["id"]): r["month"] for r in replay.read_real("hn_whoishiring")}
    years = {months[lab.source_id][:4] for lab in load() if lab.source == "hn_whoishiring"}
    assert years == {"2013", "2014", "2015", "2016", "2017", "2018"}


@pytest.mark.parametrize("field", sorted(DEV_FLOORS))
def test_development_floors(dev_report, field):
    assert dev_report["fields"][field]["accuracy"] >= DEV_FLOORS[field]


def test_development_skills_and_headline(dev_report):
    skills = dev_report["fields"]["skills"]
    assert skills["precision"] >= 0.85 and skills["recall"] >= 0.72
    extracted, labelled = dev_report["headline"]["extracted"], dev_report["headline"]["labelled"]
    assert abs(extracted["ai_share_of_tech"]["value"] - labelled["ai_share_of_tech"]["value"]) <= 0.03


def test_the_report_reads_as_the_issue_asks(holdout_report):
    out = render(holdout_report, "real postings, holdout part", show_errors=True)
    for part in (
        "real postings, holdout part",
        "headline figures",
        "targets:",
        "per source",
        "macro-F1",
        "remote_status (rows: label",
        "ai_involvement (rows: label",
        "errors (source",
    ):
        assert part in out, part  # fmt: skip


def test_without_shared_the_evaluation_skips_in_one_line(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("JOBMARKET_SHARED", str(tmp_path / "nowhere"))
    assert main("dev") == 0
    assert capsys.readouterr().out.strip().count("\n") == 0
