import pytest

from pipelines.remote_status import classify, remote_countries_in


@pytest.mark.parametrize(
    ("text", "location", "structured", "expected"),
    [
        ("This role is fully remote.", "", None, "remote"),
        ("This is not a remote role.", "Remote, US", None, "onsite"),
        ("No remote work: you will be in our lab.", "", "remote", "onsite"),
        (
            "We are a remote-first company. This role is hybrid, 3 days a week in our NYC office.",
            "",
            None,
            "hybrid",
        ),
        ("Hybrid: two days in the office.", "Remote", "remote", "hybrid"),
        ("You can work onsite in Austin or remote.", "", None, "remote"),
        ("Remote within the US; must overlap with EST hours.", "", None, "remote"),
        ("100% on-site in our Munich plant.", "Remote", None, "onsite"),
        ("Join our team of builders.", "Berlin, Germany", None, "unknown"),
        ("Join our team of builders.", "Remote - EU", None, "remote"),
        ("Join our team of builders.", "Berlin", "hybrid", "hybrid"),
        ("Join our team of builders.", "", None, "unknown"),
    ],
)
def test_classify(text, location, structured, expected):
    status, evidence = classify(text, location, structured)
    assert status == expected
    assert (evidence is None) == (expected == "unknown")


def test_remote_only_board_counts_unless_text_says_otherwise():
    assert classify("Build our API.", "", None, remote_board=True)[0] == "remote"
    assert classify("This is a hybrid role in Lisbon.", "", None, remote_board=True)[0] == "hybrid"


def test_evidence_quotes_the_text():
    status, evidence = classify("Great team. This is a hybrid role: 3 days a week in our Paris office.")
    assert status == "hybrid" and "hybrid role" in evidence


@pytest.mark.parametrize(
    ("text", "location", "structured", "expected"),
    [
        (
            "Put our vector database in production: embeddings, hybrid search.",
            "Remote - Germany",
            None,
            "remote",
        ),
        ("Sorry, no remote from outside the EU: you must be an EU resident.", "Remote", None, "remote"),
        (
            "We are not able to offer fully remote contracts. At least two days per week in the office.",
            "",
            None,
            "hybrid",
        ),
        ("This is an on-site role, 5 days a week in the office.", "", None, "onsite"),
        ("Based in our Lisbon office, five days a week.", "", None, "onsite"),
        ("We meet in the office every Wednesday.", "", None, "hybrid"),
        ("Employees work in our office Monday to Thursday and from home on Fridays.", "", None, "hybrid"),
        ("Télétravail : 2 jours par semaine.", "Paris", None, "hybrid"),
        ("Modalidad híbrida.", "Madrid", None, "hybrid"),
        (
            "Harbor is remote, but this role requires our Nashville clinic at least three days a week.",
            "Remote",
            "remote",
            "hybrid",
        ),
        ("Home visits daily across the Phoenix area.", "Remote", None, "onsite"),
        ("Full-time in the studio.", "Sydney", None, "onsite"),
        ("Office-first, but every Friday is a work from home day.", "", None, "hybrid"),
    ],
)
def test_classify_harder_wording(text, location, structured, expected):
    assert classify(text, location, structured)[0] == expected


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        ("Remote within the US or Canada.", ["US", "CA"]),
        ("Candidates must be authorized to work in the United States.", ["US"]),
        ("We are open to remote candidates in US time zones.", []),
        ("Remote within Latin America (Brazil, Argentina, Colombia or Mexico).", ["BR", "AR", "CO", "MX"]),
        ("ONSITE or REMOTE (US)", ["US"]),
        ("We hire in the EU only.", []),
    ],
)
def test_remote_countries_from_text(text, countries):
    assert sorted(remote_countries_in(text)) == sorted(countries)
