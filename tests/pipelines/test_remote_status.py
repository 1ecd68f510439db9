import pytest

from pipelines.remote_status import classify


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
