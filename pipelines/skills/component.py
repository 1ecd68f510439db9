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

from spacy.language import Language
from spacy.tokens import Doc

from pipelines.scan import Form, Scan
from pipelines.sections import level_at

SEPARATORS = {",", "/", "(", ")", "and", "or", "&", ";", "|", "+", ":", "-", "with", "using"}
NOT_AFTER_LETTER = {"&", "-", "+", "level", "suite", "corp", "'", "’"}
CODE_WORDS = {
    "developer", "developers", "engineer", "engineers", "programming", "language", "services",
    "microservices", "code", "backend", "modules", "routines", "experience", "jobs", "cluster",
    "clusters", "pipelines", "applications", "apps", "sdk", "api", "apis", "streaming", "sql",
    "development", "framework", "codebase", "stack", "scripts", "cookbooks", "manifests",
}  # fmt: skip
VERB_CUES = {"at", "in", "as", "when", "under"}
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
    return before in SEPARATORS or after in SEPARATORS


def keep(scan: Scan, start: int, end: int, form: Form) -> bool:
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
        return written == "Go" and (in_list(text, start, end) or next_token(text, end) in CODE_WORDS)
    if rule == "excel":
        if not one_word:
            return True
        return written == "Excel" and next_token(text, end) not in VERB_CUES
    if rule == "rails":
        return not one_word or (written == "Rails" and "ruby" in scan.lower)
    if rule == "not_currency":
        after, before = next_token(text, end), prev_token(text, start)
        return not (after[:1].isdigit() or before[:1].isdigit())
    raise ValueError(f"unknown context rule {rule!r} for skill {skill.skill_id!r}")


def vouched(scan: Scan, start: int, end: int, anchors: list[int]) -> bool:
    """tech_context: a list, a word of code beside it, or an unambiguous skill nearby."""
    text = scan.text
    if " " in text[start:end]:
        return True
    if (
        in_list(text, start, end)
        or next_token(text, end) in CODE_WORDS
        or prev_token(text, start) == "apache"
    ):
        return True
    i = bisect.bisect_left(anchors, start - ANCHOR_WINDOW)
    return i < len(anchors) and anchors[i] <= end + ANCHOR_WINDOW


def company_spans(text: str, company: str | None) -> list[tuple[int, int]]:
    company = (company or "").strip()
    if len(company) < 3:
        return []
    spans, start = [], text.find(company)
    while start != -1:
        spans.append((start, start + len(company)))
        start = text.find(company, start + 1)
    return spans


def find_skills(scan: Scan, sections: tuple[list[int], list[str]], company: str | None = None) -> list[dict]:
    masked = company_spans(scan.text, company)
    passed = [
        (s, e, f)
        for s, e, f in scan.skills
        if keep(scan, s, e, f) and not any(ms <= s and e <= me for ms, me in masked)
    ]
    anchors = sorted(s for s, _, f in passed if f.skill.context_rule is None)
    passed = [
        (s, e, f)
        for s, e, f in passed
        if f.skill.context_rule != "tech_context" or vouched(scan, s, e, anchors)
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
                "requirement": level_at(sections, start),
                "matched_text": scan.text[start:end],
            }
        )
    return hits


@Language.factory("jobmarket_skills_v2")
def make_skills(nlp: Language, name: str):
    def skills(doc: Doc) -> Doc:
        company = (doc._.posting or {}).get("company")
        doc._.result["skills"] = find_skills(doc._.scan, doc._.sections, company)
        return doc

    return skills
