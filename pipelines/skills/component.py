"""Skill hits: the scan's candidate spans, settled by context rules, longest match first.

The scanner (pipelines/scan.py) finds every surface form on word boundaries, case-insensitively,
so "PyTorch", "pytorch" and "PYTORCH" all hit. The names that are also ordinary words, letters
or people are then settled by the rule the taxonomy gives them (column ``context_rule``):

- ``case_sensitive``: a one-word hit must carry a capital ("Rust", not "rust"; "RAG", not "rag").
- ``exact``: a one-word form the taxonomy writes with capitals must appear exactly so ("LoRA",
  not "Lora"; "Jest", not "jest"; "SAS", not "sas"); forms written in lower case match any case.
- ``list_context`` (C, R, Julia, Ada): exactly as written, and standing in a list of skills
  ("Python, R or SQL"), not in "R&D" or "C-level".
- ``tech_context`` (Spark, Swift, Ruby, Chef, Puppet, Snowflake, Ray, ...): capitalised, and in a
  list, or next to a word of code ("Spark jobs"), or within a sentence or two of a skill whose
  name is not ambiguous. "Spark curiosity" in a posting about nursing is not Apache Spark.
- ``go_lang``: "Golang" always; "Go" capitalised and in a list or next to a word of code.
- ``excel``: "Excel" capitalised and not the verb ("excel at").
- ``rails``: "Ruby on Rails", or "Rails" where Ruby is named too.
- ``not_currency`` (PHP): not beside a number ("PHP 35,000" is Philippine pesos).

A hit inside the employer's own name is not a skill: "Acorn AI" and "Snowflake Inc." name a
company, not artificial intelligence or the warehouse.

Overlaps keep the longest hit ("JavaScript" over "Java", "Ruby on Rails" over "Ruby"); a hit
that fails its rule does not block a shorter one inside it.
"""

from __future__ import annotations

import bisect
import re

from spacy.language import Language
from spacy.tokens import Doc

from pipelines.scan import Form, Scan
from pipelines.sections import MENTIONED, level_at

SEPARATORS = {",", "/", "(", ")", "and", "or", "&", ";", "|", "+", ":", "-", "with", "using"}
NOT_AFTER_LETTER = {"&", "-", "+", "level", "suite", "corp", "'", "’"}
CODE_WORDS = {
    "developer", "developers", "engineer", "engineers", "programming", "language", "services",
    "microservices", "code", "backend", "modules", "routines", "experience", "jobs", "cluster",
    "clusters", "pipelines", "applications", "apps", "sdk", "api", "apis", "streaming", "sql",
    "development", "framework", "codebase", "stack", "scripts", "cookbooks", "manifests",
}  # fmt: skip
# Words beside an ambiguous name that make it code ("Spark jobs", "Chef cookbooks"); not
# "experience", which follows anything ("Chef experience a plus").
VOUCH_WORDS = CODE_WORDS - {"experience", "development", "services"}
VERB_CUES = {"at", "in", "as", "when", "under"}
LANGUAGE_BEFORE = {"in", "with", "using", "and", "or"}
LANGUAGE_AFTER = {"", ",", ".", ";", ")", "/", "for", "and", "or", "code", "programming", "language"}
ANCHOR_WINDOW = 300  # characters either side in which an unambiguous skill vouches for a tech_context one


def prev_token(text: str, i: int) -> str:
    j = i - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    if j < 0:
        return ""
    if not text[j].isalnum():
        return text[j]
    k = j
    while k >= 0 and text[k].isalnum():
        k -= 1
    return text[k + 1 : j + 1].lower()


def next_token(text: str, i: int) -> str:
    j, size = i, len(text)
    while j < size and text[j] in " \t":
        j += 1
    if j >= size:
        return ""
    if not text[j].isalnum():
        return text[j]
    k = j
    while k < size and text[k].isalnum():
        k += 1
    return text[j:k].lower()


def in_list(text: str, start: int, end: int) -> bool:
    before, after = prev_token(text, start), next_token(text, end)
    if after in NOT_AFTER_LETTER or (end < len(text) and text[end] in "&-+'’"):
        return False
    if after == "." and text[end + 1 : end + 2].isalnum():
        return False  # "R.J." or "C.V.": initials, not a language
    if before in SEPARATORS or after in SEPARATORS:
        return True
    # "written in C for microcontrollers", "analyse claims data in R (tidyverse)"
    return before in LANGUAGE_BEFORE and after in LANGUAGE_AFTER


def keep(scan: Scan, start: int, end: int, form: Form) -> bool | str:
    """Whether the hit passes its skill's context rule (tech_context is settled later)."""
    skill = form.skill
    rule = skill.context_rule
    if rule is None:
        return True
    text = scan.text
    written = text[start:end]
    one_word = " " not in written
    if rule == "case_sensitive":
        return not one_word or written != written.lower()
    if rule == "exact":
        cased = [f for f in form.written if f != f.lower()]
        return not one_word or not cased or written in cased
    if rule == "list_context":
        return (not one_word) or (written == skill.name and in_list(text, start, end))
    if rule == "tech_context":
        return not one_word or written != written.lower()
    if rule == "go_lang":
        if written.lower() == "golang":
            return True
        if written != "Go":
            return False
        if in_list(text, start, end) or next_token(text, end) in CODE_WORDS:
            return True
        return NEAR_LANGUAGE  # "Python, some Go.": settled by the languages around it
    if rule == "excel":
        if not one_word:
            return True
        return written == "Excel" and next_token(text, end) not in VERB_CUES
    if rule == "rails":
        # "Rails" capitalised is the framework; "rails" only where Ruby is named too
        return not one_word or written == "Rails" or (written == "rails" and "ruby" in scan.lower)
    if rule == "not_currency":
        # "PHP 35,000" is pesos; "PHP 8" is the language's version
        return not AMOUNT_AROUND.search(text[max(0, start - 12) : start] + " " + text[end : end + 12])
    raise ValueError(f"unknown context rule {rule!r} for skill {skill.skill_id!r}")


def vouched(scan: Scan, start: int, end: int, anchors: list[int]) -> bool:
    """tech_context: a list, a word of code beside it, or an unambiguous skill nearby."""
    text = scan.text
    if " " in text[start:end]:
        return True
    if (
        in_list(text, start, end)
        or next_token(text, end) in VOUCH_WORDS
        or prev_token(text, start) == "apache"
    ):
        return True
    i = bisect.bisect_left(anchors, start - ANCHOR_WINDOW)
    return i < len(anchors) and anchors[i] <= end + ANCHOR_WINDOW


def company_spans(text: str, company: str | None) -> list[tuple[int, int]]:
    """Where the employer's name stands in the text: in full, and without its last word when
    what is left still has two words or more ("Rust & Rye" for "Rust & Rye Kitchen")."""
    company = (company or "").strip()
    names = [company] if len(company) >= 3 else []
    words = company.split()
    if len(words) >= 3:
        names.append(" ".join(words[:-1]))
    spans = []
    for name in names:
        start = text.find(name)
        while start != -1:
            spans.append((start, start + len(name)))
            start = text.find(name, start + 1)
    return spans


NEAR_LANGUAGE = "near_language"  # a verdict of keep(): kept if another language is named close by
LANGUAGE_WINDOW = 60


def near_language(start: int, end: int, languages: list[int]) -> bool:
    i = bisect.bisect_left(languages, start - LANGUAGE_WINDOW)
    return any(s != start and s <= end + LANGUAGE_WINDOW for s in languages[i : i + 3])


NEGATED_LEVEL = "negated"  # reported as "mentioned"; kept apart so it does not count as AI involvement
AMOUNT_AROUND = re.compile(r"\d{1,3}[,.\s]\d{3}|\d{4,}|\d+\s?[kK]\b")
SENTENCE_SPLIT = re.compile(r"[.!?]\s")
THEIRS = re.compile(r"\b(we|our|us)\b", re.I)
NEGATED = re.compile(r"\b(no|not|without|never)\b[^.;,\n]{0,20}$", re.I)
# "an AI-powered CRM", "AI features", "an AI company": the product's AI, not the candidate's
PRODUCT_AI = re.compile(
    r"^[- ]?(powered|driven|first|native|enabled|based|features?|products?|company|startup|solutions?|tools? for)\b",
    re.I,
)
GENERIC_AI = {
    "artificial_intelligence",
    "machine_learning",
    "generative_ai",
    "llm",
    "deep_learning",
    "ai_agents",
}


def level(
    scan: Scan,
    sections: tuple[list[int], list[str]],
    start: int,
    end: int,
    skill_id: str,
    company: str | None,
) -> str:
    """The section's level, lowered to "mentioned" where the sentence says no ("no machine learning
    required") or where generic AI words describe the product ("AI-powered websites")."""
    found = level_at(sections, start)
    if found == MENTIONED:
        return found
    line_start = scan.line_starts[scan.line_index(start)]
    if NEGATED.search(scan.text[max(line_start, start - 30) : start]):
        return NEGATED_LEVEL
    if skill_id in GENERIC_AI and start >= scan.title_end and PRODUCT_AI.match(scan.text[end : end + 24]):
        # only where the sentence speaks of the employer ("Our agency builds AI-powered sites"),
        # not of the work ("You will build LLM-powered features")
        sentence = SENTENCE_SPLIT.split(scan.text[line_start:start])[-1]
        if (THEIRS.search(sentence) or (company and company in sentence)) and "you" not in sentence.lower():
            return MENTIONED
    return found


# Links and addresses name hosts, not skills ("https://", "github.com/acme", "jobs@rust.io"). Read
# on the word a hit stands in (whitespace to whitespace): a posting has dozens of hits, and a regular
# expression over its whole text for every possible domain cost as much as the rest of the skills.
URL_WORD = re.compile(r"://|^\W*www\.|@|\.(?:com|io|org|net|co|ai|dev|app|me|ly)(?:/|$|[^\w.])", re.I)


def in_url(text: str, start: int, end: int) -> bool:
    left = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    right = min((i for i in (text.find(" ", end), text.find("\n", end)) if i != -1), default=len(text))
    word = text[left:right]
    return ("." in word or "@" in word) and URL_WORD.search(word) is not None


def find_skills(scan: Scan, sections: tuple[list[int], list[str]], company: str | None = None) -> list[dict]:
    masked = company_spans(scan.text, company)
    judged = [
        (s, e, f, keep(scan, s, e, f))
        for s, e, f in scan.skills
        if not any(ms <= s and e <= me for ms, me in masked) and not in_url(scan.text, s, e)
    ]
    judged = [hit for hit in judged if hit[3]]
    anchors = sorted(s for s, _, f, verdict in judged if verdict is True and f.skill.context_rule is None)
    judged = [
        (s, e, f, verdict if f.skill.context_rule != "tech_context" else vouched(scan, s, e, anchors))
        for s, e, f, verdict in judged
    ]
    passed_languages = sorted(
        s for s, _, f, verdict in judged if verdict is True and f.skill.category == "language"
    )
    passed = [
        (s, e, f)
        for s, e, f, verdict in judged
        if verdict is True or (verdict is NEAR_LANGUAGE and near_language(s, e, passed_languages))
    ]
    passed.sort(key=lambda hit: (hit[0], hit[0] - hit[1]))
    hits = []
    last_end = -1
    for start, end, form in passed:
        if start < last_end:
            continue
        last_end = end
        skill = form.skill
        hits.append(
            {
                "skill_id": skill.skill_id,
                "name": skill.name,
                "category": skill.category,
                "is_ai": skill.is_ai,
                "start": start,
                "end": end,
                "requirement": level(scan, sections, start, end, skill.skill_id, company),
                "matched_text": scan.text[start:end],
            }
        )
    return hits


@Language.factory("jobmarket_skills_v2")
def make_skills(nlp: Language, name: str):
    def skills(doc: Doc) -> Doc:
        ext = doc._
        company = (ext.posting or {}).get("company")
        hits = find_skills(ext.scan, ext.sections, company)
        ext.result["negated_skills"] = {h["skill_id"] for h in hits if h["requirement"] == NEGATED_LEVEL}
        for hit in hits:
            if hit["requirement"] == NEGATED_LEVEL:
                hit["requirement"] = MENTIONED
        ext.result["skills"] = hits
        return doc

    return skills
