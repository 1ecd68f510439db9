"""Rules written for wording met in real postings (hand-written examples of each rule; the accuracy
claim is the real labelled set's, pipelines/eval/real)."""

import pytest

from pipelines import geo
from pipelines.nlp import build_nlp, extract_many
from pipelines.remote_status import classify, remote_countries_in
from pipelines.salary import from_text, structured


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def run(nlp, title, description, **hints):
    return next(extract_many([{"id": "1", "title": title, "description": description, **hints}], nlp=nlp))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Acme is a remote-first, but not remote-only company.", "remote"),
        ("All engineering works out of our NYC office.", "onsite"),
        ("We are looking for local candidates only.", "onsite"),
        ("Apply if you live in Berlin or are willing to relocate.", "onsite"),
        ("This is an in-house position at our Phoenix studio.", "onsite"),
        ("You can work from your home office.", "unknown"),
        ("This is not a remote position.", "onsite"),
    ],
)
def test_work_mode_wording(text, expected):
    assert classify(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        ("Headquarters: New York, NY; Remote - US", ["US"]),
        ("Location: 100% Remote (U.S.)", ["US"]),
        ("Headquarters: South Africa, Remote", ["ZA"]),
        ("Must be a U.S. citizen.", ["US"]),
        ("Remote - Anywhere", []),
    ],
)
def test_remote_countries_from_board_lines(text, countries):
    assert remote_countries_in(text) == countries


@pytest.mark.parametrize(
    ("location", "countries"),
    [("Sunnyvale CA", ["US"]), ("Herzliya Israel", ["IL"]), ("London UK", ["GB"]), ("Bedford, MA", ["US"]),
     ("New Jersey", ["US"]), ("Ontario", ["CA"]), ("Latin America", []), ("NY, NY", ["US"]),
     ("Los Angeles - New York - London", ["US", "GB"])],
)  # fmt: skip
def test_places_real_boards_write(location, countries):
    assert geo.parse_locations(location).countries == countries


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Benefits and equity are competitive ($100K-$130K / 0.5-1%).", (100000, 130000, "USD", "year")),
        ("Developers: 80,000-120,000CAD", (80000, 120000, "CAD", "year")),
        ("Senior Backend Engineer (120K-160K)", (120000, 160000, "USD", "year")),
        ("$100K - $160K/YR + Bonus", (100000, 160000, "USD", "year")),
        ("Gehalt netto zwischen 8000 CHF und 9000 CHF", (8000, 9000, "CHF", "month")),
        ("Base Pay Range:\nMinimum:\n$76,875.00 USD\nMaximum:\n$130,000.00 USD", (76875, 130000, "USD", "year")),
        ("Our drivers save $162/month.\nCompetitive compensation: $174,000 - $217,000",
         (174000, 217000, "USD", "year")),
    ],
)  # fmt: skip
def test_salary_wording(text, expected):
    found = from_text(text)
    assert (found["min"], found["max"], found["currency"], found["period"]) == expected


@pytest.mark.parametrize("text", ["Compensation is $0.06 per word.", "We have over $100M in annual bookings.",
                                  "We match 401(k) contributions up to $10,000 per year."])  # fmt: skip
def test_not_pay(text):
    assert from_text(text) is None


def test_structured_salary_without_a_period_is_read_by_size():
    assert (
        structured({"salary_min": 96000, "salary_max": 136000, "salary_currency": "USD"})["period"] == "year"
    )
    assert structured({"salary_min": 4000, "salary_max": 5000, "salary_currency": "EUR"})["period"] == "month"


def test_board_salary_line_when_the_text_states_none(nlp):
    out = run(nlp, "Copywriter", "<p>Write product pages.</p>", salary_text="$20k -$35k")
    assert (out["salary"]["min"], out["salary"]["max"], out["salary"]["period"]) == (20000, 35000, "year")


@pytest.mark.parametrize(
    ("title", "description", "level"),
    [
        ("Backend Engineer", "Requirements\n- Experience with PyTorch and model training", "required"),
        (
            "Backend Engineer",
            "Requirements\n- Go and Postgres\n- Machine learning experience is a big plus",
            "preferred",
        ),
        (
            "Backend Engineer",
            "We use machine learning to price insurance. You will build our Go APIs.",
            "mentioned",
        ),
        ("Backend Engineer", "We may use AI tools in our recruitment process.", "none"),
        ("Backend Engineer", "No machine learning required.", "none"),
        ("Machine Learning Engineer", "Python.", "required"),
    ],
)
def test_ai_involvement_by_sentence(nlp, title, description, level):
    assert run(nlp, title, description)["ai_involvement"] == level


def test_skills_not_read_in_links_and_bare_ai_is_no_skill(nlp):
    out = run(
        nlp,
        "Engineer",
        "Apply at https://jobs.example.com or see github.com/acme. We are an AI company. Go and Kafka.",
    )
    ids = {s["skill_id"] for s in out["skills"]}
    assert {"go", "kafka"} <= ids and not ids & {"tls_ssl", "github", "artificial_intelligence"}
