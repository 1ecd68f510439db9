"""The one pass over the text: skill candidates on word boundaries and the lines each field's
cues mark."""

from pipelines.nlp import build_nlp, extract_many
from pipelines.scan import Scanner
from pipelines.skills import load_taxonomy


def scanner():
    return Scanner(load_taxonomy(), cues={"remote": (("remote", False), ("days", True))})


def test_skills_on_word_boundaries_case_insensitive():
    scan = scanner().scan("We use PyTorch, pytorch and PYTORCH.\nNot pytorchx or xpytorch.")
    hits = [(scan.text[s:e], f.skill.skill_id) for s, e, f in scan.skills if f.skill.skill_id == "pytorch"]
    assert hits == [("PyTorch", "pytorch"), ("pytorch", "pytorch"), ("PYTORCH", "pytorch")]


def test_one_letter_skills_only_as_written():
    scan = scanner().scan("R and C are languages; r and c are letters; R$ 5 and C++ are not R or C.")
    letters = [(scan.text[s:e], s) for s, e, f in scan.skills if f.skill.skill_id in {"r", "c"}]
    assert [t for t, _ in letters] == ["R", "C", "R", "C"]


def test_cues_mark_lines_and_words():
    scan = scanner().scan("Title\n\nFully remote.\nSee our 30-days policy\nholidays galore\nTwo days a week")
    assert scan.cue_lines["remote"] == [2, 3, 5]
    assert scan.cued_text("remote") == "Fully remote.\nSee our 30-days policy\nTwo days a week"


def test_offsets_survive_characters_that_lowercase_longer():
    text = "İstanbul office. Python and SQL."
    [out] = extract_many([{"id": 1, "description": text}], nlp=build_nlp())
    for hit in out["skills"]:
        assert out["text"][hit["start"] : hit["end"]] == hit["matched_text"]
    assert {"python", "sql"} <= {h["skill_id"] for h in out["skills"]}


def test_doc_for_display_has_tokens_and_skill_spans():
    nlp = build_nlp(spans=True)
    [doc] = list(nlp.pipe([nlp.make_doc("Experience with PyTorch and Kubernetes.")]))
    assert len(doc) > 3
    assert [span.text for span in doc.spans["skills"]] == ["PyTorch", "Kubernetes"]
