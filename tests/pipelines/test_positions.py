"""The positions a posting advertises: Hacker News headers and texts (hand-written, in their shapes)."""

import pytest

from pipelines.nlp import build_nlp, extract_many
from pipelines.positions import header_parts, positions, singular


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


@pytest.mark.parametrize(
    ("header", "parts"),
    [
        ("Acme | Berlin, Germany | ONSITE", ["Acme", "Berlin, Germany", "ONSITE"]),
        ("Acme • Remote • Backend Engineer", ["Acme", "Remote", "Backend Engineer"]),
        ("Acme - Backend Developer - PHP", ["Acme", "Backend Developer", "PHP"]),
        ("Acme | Backend Developer - PHP", ["Acme", "Backend Developer - PHP"]),  # "|" is stronger
    ],
)
def test_header_segments_by_the_strongest_separator(header, parts):
    assert header_parts(header) == parts


@pytest.mark.parametrize(("word", "one"), [("Engineers", "Engineer"), ("Devs", "Developer"), ("Boss", "Boss"),
                                           ("Analysts", "Analyst"), ("DevOps", "DevOps")])  # fmt: skip
def test_singular(word, one):
    assert singular(word) == one


@pytest.mark.parametrize(
    ("first_line", "text", "expected"),
    [
        # the role segment of the header, a list split into its positions
        ("Acme | SF | Rails Engineers/Data Scientists", "", ["Rails Engineer", "Data Scientist"]),
        # no role in the header: the hiring sentence names it
        ("Acme | Paris | ONSITE", "We are looking for a C++ engineer to join us.", ["C++ engineer"]),
        # list items that start with a title
        ("Acme | Burlingame, CA | ONSITE", "* Senior Backend Engineer: build services\n* Senior Frontend Engineer: React",
         ["Senior Backend Engineer", "Senior Frontend Engineer"]),
        # the tags of a "Who is hiring?" header are not positions
        ("Acme | Boston | REMOTE, INTERNS, VISA", "We need a senior data engineer.", ["senior data engineer"]),
    ],
)  # fmt: skip
def test_positions_from_header_and_text(first_line, text, expected):
    description = first_line + "\n" + text
    assert [t for t, _ in positions(first_line, description, header_title=True)] == expected


def test_a_board_title_is_the_position():
    assert positions("Staff ML Engineer", "We also hire designers.", header_title=False) == [
        ("Staff ML Engineer", "Staff ML Engineer")
    ]


def run(nlp, title, description, **hints):
    return next(extract_many([{"id": "1", "title": title, "description": description, **hints}], nlp=nlp))


def test_hn_comment_role_title_roles_and_places(nlp):
    header = "Acme | San Francisco, CA | ONSITE | Backend Engineer, Machine Learning Engineer"
    out = run(nlp, "Backend Engineer, Machine Learning Engineer", f"<p>{header}<p>We build things in Go.")
    assert out["title"] == "Backend Engineer" and out["role"] == "other_tech"
    assert out["roles"] == ["ml_engineer", "other_tech"] and out["countries"] == ["US"]


def test_hn_comment_that_names_no_position_hires_engineers(nlp):
    out = run(
        nlp, "Acme | Berlin, Germany | ONSITE", "<p>Acme | Berlin, Germany | ONSITE<p>Come work with us."
    )
    assert out["role"] == "other_tech" and out["title"] is None and out["countries"] == ["DE"]


def test_seniority_reads_the_primary_position_not_the_header_tags(nlp):
    header = "Acme | NYC | REMOTE, INTERNS"
    out = run(nlp, header, f"<p>{header}<p>We are hiring a Senior Python Developer.")
    assert out["title"] == "Senior Python Developer" and out["seniority"] == "senior"
