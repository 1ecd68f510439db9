"""The SkillSpan reader and scorer on a tiny CoNLL text of our own, and the shipped model against the
plain dictionary on a fixed slice of tech dev (skipped where ../shared/skillspan is absent)."""

from __future__ import annotations

import pytest

from pipelines import skillspan
from pipelines.skillspan import Score, Sentence, bio_spans, char_to_token_span, parse_conll, score

# Our own tokens: token, skill tag, knowledge tag.
TINY = "\n".join(
    [
        "You\tO\tO",
        "will\tO\tO",
        "design\tB-Skill\tO",
        "REST\tI-Skill\tB-Knowledge",
        "APIs\tI-Skill\tI-Knowledge",
        "in\tO\tO",
        "Python\tO\tB-Knowledge",
        ".\tO\tO",
        "",
        "",
        "Kubernetes\tO\tB-Knowledge",
        "and\tO\tO",
        "machine\tO\tB-Knowledge",
        "learning\tO\tI-Knowledge",
        "x\tO\tO",
        "",
    ]
)


def test_parse_conll_reads_sentences_and_both_columns():
    first, second = parse_conll(TINY)
    assert first.tokens == ["You", "will", "design", "REST", "APIs", "in", "Python", "."]
    assert first.text == "You will design REST APIs in Python ."
    assert first.knowledge == [(3, 5), (6, 7)]
    assert first.skill == [(2, 5)]
    assert first.union == [(2, 5), (3, 5), (6, 7)]
    assert second.tokens == ["Kubernetes", "and", "machine", "learning", "x"]
    assert second.knowledge == [(0, 1), (2, 4)]
    assert second.skill == []


def test_parse_conll_rejects_a_short_line():
    with pytest.raises(ValueError, match="line 2"):
        parse_conll("Python\tO\tB-Knowledge\nJava\tO\n")


def test_bio_spans_edge_cases():
    assert bio_spans(["B-K", "B-K", "I-K", "O", "I-K", "I-K"]) == [(0, 1), (1, 3), (4, 6)]
    assert bio_spans(["O", "O"]) == []
    assert bio_spans(["I-K"]) == [(0, 1)]


def test_score_is_exact_match_micro_averaged():
    gold = [[(3, 5), (6, 7)], [(0, 1)]]
    predicted = [[(3, 5), (6, 8)], [(0, 1), (2, 3)]]
    result = score(gold, predicted)
    assert result == Score(tp=2, fp=2, fn=1)
    assert result.precision == pytest.approx(0.5)
    assert result.recall == pytest.approx(2 / 3)
    assert result.f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))
    assert score([[]], [[]]).f1 == 0.0
    with pytest.raises(ValueError):
        score(gold, predicted[:1])


def test_char_offsets_map_to_token_spans():
    tokens = ["Strong", "Node.js", "and", "C++", "."]
    text = " ".join(tokens)
    assert char_to_token_span(tokens, text.index("Node"), text.index("Node") + 7) == (1, 2)
    assert char_to_token_span(tokens, text.index("Node"), text.index("C++") + 3) == (1, 4)
    assert char_to_token_span(tokens, text.index("Node"), text.index("Node") + 4) == (1, 2)  # expanded
    assert char_to_token_span(tokens, 6, 7) is None  # the space between two tokens


def test_dictionary_matches_on_token_boundaries_longest_first():
    forms = frozenset({"machine learning", "machine", "python", "c++"})
    tokens = ["Machine", "Learning", "in", "Python3", "or", "python", "and", "C++"]
    assert skillspan.dictionary_spans(tokens, forms) == [(0, 2), (5, 6), (7, 8)]


def test_extractor_offsets_survive_html_clean_up():
    """A SkillSpan placeholder such as ``<ORGANIZATION>`` reads as a tag to the extractor's HTML
    clean-up, which shifts its offsets; they must still land on the right tokens."""
    sentence = Sentence(tokens=["<ORGANIZATION>", "uses", "Python", "&", "Kubernetes", "."])
    [predicted] = skillspan.predict_extractor([sentence])
    assert predicted == [(2, 3), (4, 5)]


@pytest.fixture(scope="module")
def tech_dev_slice() -> list[Sentence]:
    folder = skillspan.shared_dir()
    if not folder.is_dir():
        pytest.skip(f"{folder} is not here (a fresh clone has no ../shared/skillspan)")
    return skillspan.read_split("tech_dev", folder)[:600]


def test_model_beats_the_dictionary_on_tech_dev(tech_dev_slice):
    model = skillspan.load_model()
    gold = [s.knowledge for s in tech_dev_slice]
    dictionary = score(gold, skillspan.predict_dictionary(tech_dev_slice))
    trained = score(gold, skillspan.predict_model(tech_dev_slice, model))
    # On this slice the model scores F1 0.53 and the dictionary 0.39; the dictionary moves as the
    # taxonomy grows, so the margin over it is kept smaller than today's and the floor is fixed.
    assert trained.f1 >= dictionary.f1 + 0.05, (trained, dictionary)
    assert trained.f1 >= 0.50, trained
