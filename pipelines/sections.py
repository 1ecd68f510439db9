"""Requirement level by section: the part of a posting a sentence stands in.

A skill under "Requirements" is required, under "Nice to have" preferred, and in the company
blurb or the benefits only mentioned. Headings are short lines; a line inside a requirements
section that says "a plus" or "nice to have" is preferred on its own."""

from __future__ import annotations

import bisect
import re

from spacy.language import Language
from spacy.tokens import Doc

from pipelines import extensions  # noqa: F401 (registers the Doc extensions)

REQUIRED, PREFERRED, MENTIONED = "required", "preferred", "mentioned"

PREFERRED_HEADING = re.compile(
    r"nice[- ]to[- ]haves?|preferred|bonus|pluses|\ba plus\b|desired|desirable|would be great|"
    r"extra credit|not required|ideally|good to have|stand out",
    re.I,
)
MENTIONED_HEADING = re.compile(
    r"^about (us|the company|the team|[A-Z][\w&.-]+)$|who we are|benefits|perks|what we offer|why join|"
    r"our (mission|values|culture|story)|equal (employment )?opportunity|compensation|salary|"
    r"life at|how we work|our company|the company",
    re.I,
)
REQUIRED_HEADING = re.compile(
    r"requirement|qualification|what you('ll| will)? (need|bring)|looking for|you have|you bring|"
    r"must[- ]haves?|skills|experience|about you|who you are|responsibilit|what you('ll| will)? do|"
    r"the role|your role|in this role|the job|tech stack|our stack|duties|key skills|the position|"
    r"what we need|you are|you'll|your profile|profile",
    re.I,
)
PREFERRED_LINE = re.compile(
    r"nice[- ]to[- ]have|\ba (big |strong |huge )?plus\b|\bbonus\b|\bpreferred\b|\bideally\b|"
    r"is an advantage|would be (great|nice)|good to have|desirable|not required",
    re.I,
)
HEADING_MAX = 70


def heading_level(line: str) -> str | None:
    stripped = line.strip().strip("#*:- ").strip()
    if not stripped or len(stripped) > HEADING_MAX or stripped.count(" ") > 8:
        return None
    # A heading reads as a title, not a sentence: no full stop at the end.
    if stripped.endswith((".", "!", "?")) or stripped.startswith("- "):
        return None
    if PREFERRED_HEADING.search(stripped):
        return PREFERRED
    if MENTIONED_HEADING.search(stripped):
        return MENTIONED
    if REQUIRED_HEADING.search(stripped):
        return REQUIRED
    return None


def line_levels(text: str, title_end: int = 0) -> list[tuple[int, str]]:
    """(start offset, level) for every line; a skill's level is that of its line."""
    lines: list[tuple[int, str, str | None]] = []
    offset = 0
    for line in text.split("\n"):
        lines.append((offset, line, heading_level(line) if offset >= title_end else None))
        offset += len(line) + 1
    has_headings = any(level for _, _, level in lines)
    # Without headings there is no blurb to tell apart: every line may carry a requirement.
    current = MENTIONED if has_headings else REQUIRED
    levels = []
    for start, line, heading in lines:
        if start < title_end:
            levels.append((start, REQUIRED))
            continue
        if heading:
            current = heading
            levels.append((start, current))
            continue
        level = current
        if current == REQUIRED and PREFERRED_LINE.search(line):
            level = PREFERRED
        levels.append((start, level))
    return levels


def level_at(doc: Doc, char: int) -> str:
    starts, levels = doc._.sections
    return levels[bisect.bisect_right(starts, char) - 1] if starts else REQUIRED


@Language.factory("jobmarket_sections_v1")
def make_sections(nlp: Language, name: str):
    def sections(doc: Doc) -> Doc:
        title_end = (doc._.posting or {}).get("title_end", 0)
        pairs = line_levels(doc.text, title_end)
        doc._.sections = ([s for s, _ in pairs], [lvl for _, lvl in pairs])
        return doc

    return sections
