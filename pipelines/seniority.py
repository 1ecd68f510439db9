"""Seniority (from the title first, else from the years asked), minimum years, degree asked."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from pipelines import extensions  # noqa: F401
from pipelines.scan import register_cues

TITLE_LEVELS: list[tuple[str, re.Pattern]] = [
    ("intern", re.compile(r"\b(intern|internship|trainee|apprentice|werkstudent|working student)\b", re.I)),
    (
        "executive",
        re.compile(
            r"(?<!to the )(?<!to )\b(director|head of|vp|vice president|chief|cto|ceo|cfo|coo|cio|president)\b",
            re.I,
        ),
    ),
    (
        "lead_principal",
        re.compile(r"(?<!technical )\b(staff|principal|lead|distinguished|fellow|architect)\b", re.I),
    ),
    ("manager", re.compile(r"\b(manager|management)\b", re.I)),
    ("senior", re.compile(r"\b(senior|sr\.?|snr|iii|iv)\b", re.I)),
    ("junior", re.compile(r"\b(junior|jr\.?|entry[- ]level|graduate|associate|new grad|i)\b", re.I)),
    ("mid", re.compile(r"\b(mid[- ]?level|intermediate|ii)\b", re.I)),
]
# "Product Manager" manages a product, not people: it says nothing of seniority.
NOT_PEOPLE_MANAGER = re.compile(
    r"\b(product|project|program|account|community|office|marketing|account|success|brand|content|case|data|"
    r"quality|risk|compliance|facilities|category|social media|media|property|release)\s+manager\b",
    re.I,
)
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "ten": 10,
}
YEARS = re.compile(
    r"\b(\d{1,2}|one|two|three|four|five|six|seven|eight|ten)\s*\+?\s*(?:(?:-|–|to)\s*\d{1,2}\s*)?\+?\s*years?",
    re.I,
)
EXPERIENCE_TAIL = re.compile(
    r"\W*(of|with|in|experience|exp\b|working|building|hands|professional|industry|relevant|developing|as an?\b|'|’|"
    r"writing|using|doing|leading|managing|running|designing|shipping|delivering|programming|coding|at (a|least)\b|"
    r"post[- ]?qualification|pqe\b|[a-z]+ing\b)"
)
SENTENCE_TAIL = re.compile(r"\s*([.;),]|$|\n)")
HISTORY = re.compile(r"\b(for|since|over|past|last|founded|ago|business|around|existed|history)\b", re.I)
ELLIPTIC_YEARS = re.compile(
    r"[^,;.\n]{0,30}?[,;]\s*(?:and |with |including )?(\d{1,2})\s*\+?\s*(?:of (?:them|which) )?(?:managing|leading|in|as|with|on|of)\b"
)
NOT_EXPERIENCE = re.compile(r"\W*(ago|old|in business|of history|of (our|the) company)")
DEGREES = [
    (
        "phd",
        re.compile(
            r"\b(ph\.?\s?d|doctorate|doctoral|pharm\.?\s?d|doctor of (pharmacy|medicine|philosophy))\b", re.I
        ),
    ),
    (
        "master",
        re.compile(
            r"(?i:\b(master'?s|master’s|masters|master of|master in|master degree|m\.?sc|msc|m\.s\.|mba|graduate degree|"
            r"m\.?eng|m\.?tech)\b)|"
            r"\bMS\b(?=\s*(in|degree|/|or|,|with))",
        ),
    ),
    (
        "bachelor",
        re.compile(
            r"(?i:\b(bachelor'?s?|bachelor’s|b\.?sc|bsc|b\.s\.|b\.a\.|undergraduate degree|(university|college) degree|"
            r"degree in|b\.?eng|b\.?tech|bcom|bsn|bba|bca|llb)\b)|"
            r"\bB[SA]\b(?=\s*(in|degree|/|or|,|with))",
        ),
    ),
]


register_cues("years", substrings=("year", "yrs", "yr"))
register_cues(
    "degree",
    substrings=("bachelor", "master", "ph.d", "phd", "ph. d", "doctor", "degree", "b.sc", "m.sc", "b.s.", "m.s.",
                "b.a.", "undergraduate", "graduate", "ms in", "bs in", "ba in", "ms/", "bs/", "ms or", "bs or", "ms,",
                "bs,", "ms with", "bs with"),
    words=("bsc", "msc", "mba", "beng", "meng", "btech", "mtech", "bcom", "bsn", "bba", "bca", "llb", "pharmd"),
)  # fmt: skip


def title_level(title: str) -> str | None:
    for level, pattern in TITLE_LEVELS:
        if level == "manager" and NOT_PEOPLE_MANAGER.search(title):
            continue
        if pattern.search(title):
            return level
    return None


def min_years(text: str) -> int | None:
    found = []
    for match in YEARS.finditer(text):
        tail = text[match.end() : match.end() + 40].lower()
        # "5 years of experience", "5+ years with PyTorch"; not "founded 10 years ago"
        if NOT_EXPERIENCE.match(tail):
            continue
        # "10+ years of experience, 3+ managing teams": the second figure is years too
        more = ELLIPTIC_YEARS.match(tail)
        if more:
            found.append(int(more.group(1)))
        if not EXPERIENCE_TAIL.match(tail):
            # "Java or Kotlin, 3+ years." asks years of what it names; "for 10 years." does not.
            sentence = text[max(0, match.start() - 60) : match.start()].split(".")[-1]
            if not SENTENCE_TAIL.match(tail) or HISTORY.search(sentence):
                continue
        raw = match.group(1).lower()
        value = NUMBER_WORDS.get(raw) or int(raw)
        if 0 <= value <= 30:
            found.append(value)
    return min(found) if found else None


PLAIN_DEGREE = re.compile(r"\bdegree\b", re.I)
HIGHER_BEFORE = re.compile(
    r"(master|graduate|doctor|ph\.?\s?d|m\.?sc|\bms\b|mba|advanced|postgraduate|\bno\b|without|not)\W*\w*\W*$",
    re.I,
)


def degree(text: str) -> str:
    # The lowest degree asked is the entry barrier: "BSc or MSc" asks a bachelor.
    asked = [level for level, pattern in DEGREES if pattern.search(text)]
    # "Any degree", "a nursing degree": a first degree, unless it is a higher one or none is needed
    for match in PLAIN_DEGREE.finditer(text):
        before = text[max(0, match.start() - 25) : match.start()]
        after = text[match.end() : match.end() + 16].lower()
        if not HIGHER_BEFORE.search(before) and not after.lstrip().startswith(
            ("not required", "is not required")
        ):
            asked.append("bachelor")
            break
    return asked[-1] if asked else "none"


def seniority(title: str, years: int | None) -> str:
    level = title_level(title or "")
    if level:
        return level
    if years is None:
        return "unknown"
    if years <= 2:
        return "junior"
    if years <= 4:
        return "mid"
    return "senior"


@Language.factory("jobmarket_seniority_v2")
def make_seniority(nlp: Language, name: str):
    def seniority_component(doc: Doc) -> Doc:
        ext = doc._
        posting = ext.posting or {}
        scan = ext.scan
        years = min_years(scan.cued_text("years", body_only=True))
        result = ext.result
        result["min_years_experience"] = years
        # the primary position's title as the role component read it (a Hacker News header's
        # "INTERNS" tag or its company name says nothing of this position's level)
        title = result["title"] if "title" in result else posting.get("title")
        result["seniority"] = seniority(title or "", years)
        result["degree"] = degree(scan.cued_text("degree", body_only=True))
        return doc

    return seniority_component
