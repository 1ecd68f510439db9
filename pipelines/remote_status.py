"""Remote status: remote, hybrid, onsite or unknown, with the words that decided it.

Definitions (README, "Extraction"): remote when the role may be done fully remotely, possibly
within some countries or time zones, or when remote is offered as an option for it; hybrid
when regular office presence is asked part of the time and no fully remote option is offered;
onsite when office, site or field based; unknown when nothing says how the work is done.

Order of evidence, strongest first: what the text says of this role (negations included:
"not remote" is onsite evidence, never remote), then the board's structured field, then a
"Remote" location bucket, then a remote-only board. A structured remote flag is overruled by
hybrid wording in the text, because boards (Ashby's ``isRemote``) set it on hybrid roles.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from pipelines import extensions  # noqa: F401

REMOTE, HYBRID, ONSITE, UNKNOWN = "remote", "hybrid", "onsite", "unknown"

NEGATED_REMOTE = re.compile(
    r"\b(not|no|non)[- ](a )?(fully )?remote\b|\bremote (work )?is not (possible|available|offered|an option)\b|"
    r"\bno remote( work| option)?s?\b|\bthis (is|role is) not (a )?remote\b|\bunable to (offer|support) remote\b|"
    r"\bremote work is not\b|\bnot open to remote\b|\bnot eligible for remote\b",
    re.I,
)
ONSITE_STRONG = re.compile(
    r"\b(100%|fully|entirely|strictly|exclusively) (on[- ]?site|in[- ]office|office[- ]based)\b|"
    r"\bon[- ]?site only\b|\bin[- ]office (only|role|position)\b|\bmust (be able to )?work (on[- ]?site|from our office)\b|"
    r"\b(5|five) days (a|per) week (in|at) (the|our) office\b|\bon[- ]?site,? (5|five) days\b",
    re.I,
)
HYBRID_TEXT = re.compile(
    r"\bhybrid\b|\b(\d|one|two|three|four)( days?| times?)( (a|per|each) week)? (in|at|from) (the|our|an?) "
    r"(office|hub|studio|campus)\b|\b(\d|two|three|four) days (in[- ]office|on[- ]?site)\b|"
    r"\bsplit between (home|remote) and (the )?office\b|\bpart(ly|ially)? remote\b|\bflexible working from home\b",
    re.I,
)
REMOTE_OPTION = re.compile(
    r"\b(fully|100%|completely|entirely|full[- ]time) remote\b|\bremote[- ](ok|friendly|eligible|position|role|job|"
    r"opportunity|work(er)?s? welcome|possible)\b|\bwork (from )?(anywhere|remotely)\b|\bor remote\b|"
    r"\bremote or (on[- ]?site|in[- ]office|hybrid)\b|\bopen to remote\b|\bremote (within|from|in) (the )?(?!office|team|hub|person)\w+|"
    r"\bthis (is a|role is|position is) remote\b|\bwork from home\b|\bremote\s*\(",
    re.I,
)
REMOTE_WEAK = re.compile(r"\bremote[- ]first\b|\bdistributed (team|company)\b|\bremote\b", re.I)
ONSITE_WEAK = re.compile(
    r"\bon[- ]?site\b|\bin[- ]office\b|\bin[- ]person\b|\boffice[- ]based\b|\bfield[- ]based\b", re.I
)
LOCATION_REMOTE = re.compile(r"\bremote\b|\banywhere\b|\bwork from home\b|\bwfh\b", re.I)
LOCATION_HYBRID = re.compile(r"\bhybrid\b", re.I)
LOCATION_ONSITE = re.compile(r"\bon[- ]?site\b|\bin[- ]office\b", re.I)


def _evidence(pattern: re.Pattern, text: str) -> str | None:
    match = pattern.search(text)
    if not match:
        return None
    start, end = max(0, match.start() - 40), min(len(text), match.end() + 40)
    return text[start:end].replace("\n", " ").strip()


def _without_negated(text: str) -> str:
    return NEGATED_REMOTE.sub(" ", text)


def classify(
    text: str, location: str = "", structured: str | None = None, remote_board: bool = False
) -> tuple[str, str | None]:
    """(status, evidence) for one posting."""
    cleaned = _without_negated(text)
    negated = _evidence(NEGATED_REMOTE, text)
    remote_option = _evidence(REMOTE_OPTION, cleaned)
    hybrid = _evidence(HYBRID_TEXT, cleaned) or _evidence(LOCATION_HYBRID, location)
    onsite_strong = negated or _evidence(ONSITE_STRONG, text)

    if remote_option and not onsite_strong:
        return REMOTE, remote_option
    if onsite_strong and not hybrid:
        return ONSITE, onsite_strong
    if hybrid:
        return HYBRID, hybrid
    if structured in (REMOTE, HYBRID, ONSITE):
        return structured, f"structured workplace type: {structured}"
    if LOCATION_REMOTE.search(location or ""):
        return REMOTE, f"location: {location}"
    if LOCATION_ONSITE.search(location or ""):
        return ONSITE, f"location: {location}"
    weak_remote = _evidence(REMOTE_WEAK, cleaned)
    if weak_remote:
        return REMOTE, weak_remote
    weak_onsite = _evidence(ONSITE_WEAK, text)
    if weak_onsite:
        return ONSITE, weak_onsite
    if remote_board:
        return REMOTE, "remote-only board"
    return UNKNOWN, None


@Language.factory("jobmarket_remote_status_v1")
def make_remote_status(nlp: Language, name: str):
    def remote_status(doc: Doc) -> Doc:
        posting = doc._.posting or {}
        status, evidence = classify(
            doc.text,
            location=posting.get("location") or "",
            structured=posting.get("workplace_type"),
            remote_board=bool(posting.get("remote_board")),
        )
        doc._.result["remote_status"] = status
        doc._.result["remote_evidence"] = evidence
        return doc

    return remote_status
