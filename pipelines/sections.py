"""Requirement level by section: the part of a posting a sentence stands in.

A skill under "Requirements" is required, under "Nice to have" preferred, and in the company
blurb or the benefits only mentioned. Headings are short lines; a line inside a requirements
section that says "a plus" or "nice to have" is preferred on its own."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from pipelines import extensions  # noqa: F401 (registers the Doc extensions)
from pipelines.scan import register_cues

REQUIRED, PREFERRED, MENTIONED = "required", "preferred", "mentioned"

PREFERRED_HEADING = re.compile(
    r"nice[- ]to[- ]haves?|preferred|bonus|pluses|\ba plus\b|desired|desirable|would be great|"
    r"extra credit|not required|ideally|good to have|stand out",
    re.I,
)
MENTIONED_HEADING = re.compile(
    r"^about (us|the company|the team|(?!you\b)[A-Z][\w&.-]+)$|who we are|benefits|perks|what we offer|why join|"
    r"our (mission|values|culture|story)|equal (employment )?opportunity|compensation|salary|"
    r"life at|how we work|our company|the company",
    re.I,
)
REQUIRED_HEADING = re.compile(
    r"requirement|qualification|what you('ll| will)? (need|bring)|looking for|you have|you bring|"
    r"must[- ]haves?|skills|experience|about you|who you are|responsibilit|what you('ll| will)? do|"
    r"the role|your role|in this role|the job|tech stack|our stack|duties|key skills|the position|"
    r"what we need|you are|you'll|you will|your profile|profile|tasks|what you('ll| will) work on|your mission|day[- ]to[- ]day|"
    r"aufgaben|anforderungen|profil|qualifikation",
    re.I,
)
# Before the first heading, a line that speaks to the candidate describes the job, not the company.
DUTY_LINE = re.compile(
    r"\byou('ll| will| would)\b|\byou’ll\b|\byour (role|day|work|team)\b|\b(we are|we're) "
    r"(looking|hiring|seeking)\b|\bin this role\b|\bthe role\b|\byou (have|bring|must)\b|"
    r"^\W*(build|develop|design|own|lead|write|maintain|create|implement|run|ship|help|work on|support|drive|manage|"
    r"analy[sz]e|test|deploy|improve|operate|install|provide|monitor|coordinate|answer|sell|document|plan|train)\b",
    re.I,
)
VERB = re.compile(r"\b(is|are|would|will|be|considered|helps?)\b", re.I)
SENTENCE_END = re.compile(r"(?<=[.!?;])\s+")
PREFERRED_LINE = re.compile(
    r"nice[- ]to[- ]have|\ba (big |strong |huge )?plus\b|\bbonus\b|\bpreferred\b|\bideally\b|"
    r"is an advantage|would be (great|nice)|good to have|desirable|not required",
    re.I,
)
HEADING_MAX = 70

# The scan marks the lines that hold one of these; only they can be a heading or a "nice to
# have" line, so the patterns above run on those lines alone.
HEADING_CUES = (
    "nice", "prefer", "bonus", "plus", "desir", "would be", "extra credit", "not required", "ideal", "good to have",
    "stand out", "about", "who we are", "benefit", "perk", "offer", "why join", "our ", "equal", "compensation",
    "salary", "life at", "how we work", "company", "requirement", "qualification", "what you", "looking for",
    "you have", "you bring", "must", "skill", "experience", "who you are", "responsibilit", "role", "the job",
    "stack", "duties", "position", "what we need", "you are", "you'll", "you’ll", "profile", "advantage", "task",
    "you will", "you would", "your ", "as a ", "as an ", "we're", "we are", "mission", "day", "aufgaben",
    "anforderung", "profil", "qualifikation",
)  # fmt: skip
DUTY_VERBS = (
    "build", "develop", "design", "own", "lead", "write", "maintain", "create", "implement", "run", "ship", "help",
    "work", "support", "drive", "manage", "analyse", "analyze", "test", "deploy", "improve", "operate", "install",
    "provide", "monitor", "coordinate", "answer", "sell", "document", "plan", "train",
)  # fmt: skip
register_cues("section", substrings=HEADING_CUES, words=DUTY_VERBS)
# every alternative of PREFERRED_LINE holds one of these
register_cues(
    "preferred_line",
    substrings=("nice", "plus", "bonus", "preferred", "ideally", "advantage", "would be", "good to have", "desirable",
                "not required"),
)  # fmt: skip
ANY_HEADING = re.compile(
    "|".join(p.pattern for p in (PREFERRED_HEADING, MENTIONED_HEADING, REQUIRED_HEADING)), re.I
)


@lru_cache(maxsize=16384)  # read twice per line: for the levels, and for whether any heading exists
def heading_level(line: str) -> str | None:
    if len(line) > 2 * HEADING_MAX:
        return None
    stripped = line.strip().strip("#*:- ").strip()
    if not stripped or len(stripped) > HEADING_MAX or stripped.count(" ") > 8:
        return None
    # A heading reads as a title, not a sentence: no full stop at the end.
    if stripped.endswith((".", "!", "?")) or stripped.startswith("- ") or not ANY_HEADING.search(stripped):
        return None
    if PREFERRED_HEADING.search(stripped):
        return PREFERRED
    if MENTIONED_HEADING.search(stripped):
        return MENTIONED
    if REQUIRED_HEADING.search(stripped):
        return REQUIRED
    return None


def line_levels(
    text: str,
    title_end: int = 0,
    lines: list[str] | None = None,
    cued: set[int] | None = None,
    preferred_cued: set[int] | None = None,
) -> list[tuple[int, str]]:
    """(start offset, level) for every line; a skill's level is that of its line. ``cued``: the
    indexes of the lines that hold a heading cue (from the scan); None reads every line."""
    entries: list[tuple[int, str, str | None]] = []
    offset = 0
    for index, line in enumerate(text.split("\n") if lines is None else lines):
        readable = offset >= title_end and (cued is None or index in cued)
        entries.append((offset, line, heading_level(line) if readable else None))
        offset += len(line) + 1
    has_headings = any(level for _, _, level in entries)
    # Without headings there is no blurb to tell apart: every line may carry a requirement.
    current = MENTIONED if has_headings else REQUIRED
    seen_heading = False
    levels: list[tuple[int, str]] = []
    for index, (start, line, heading) in enumerate(entries):
        if start < title_end:
            levels.append((start, REQUIRED))
            continue
        if heading:
            current, seen_heading = heading, True
            levels.append((start, current))
            continue
        cued_line = cued is None or index in cued
        level = current
        if has_headings and not seen_heading and cued_line and DUTY_LINE.search(line):
            level = REQUIRED
        levels.append((start, level))
        may_prefer = preferred_cued is None or index in preferred_cued
        if level == REQUIRED and may_prefer and PREFERRED_LINE.search(line):
            # "a plus" makes its own sentence preferred, not the whole paragraph around it.
            segments, at = [], 0
            for sentence in SENTENCE_END.split(line):
                at = line.find(sentence, at)
                if PREFERRED_LINE.search(sentence):
                    # "Strong Excel, SAP a plus": a verbless last clause is the only preferred part;
                    # "Kubernetes, Docker and Terraform are a plus" is preferred as a whole.
                    clause_at = sentence.rfind(", ")
                    clause = sentence[clause_at + 2 :] if clause_at >= 0 else sentence
                    if clause_at >= 0 and PREFERRED_LINE.search(clause) and not VERB.search(clause):
                        segments.append((start + at, level))
                        segments.append((start + at + clause_at + 2, PREFERRED))
                    else:
                        segments.append((start + at, PREFERRED))
                else:
                    segments.append((start + at, level))
                at += len(sentence)
            segments[0] = (start, segments[0][1])
            levels[-1:] = segments
    return levels


def level_at(sections: tuple[list[int], list[str]], char: int) -> str:
    starts, levels = sections
    return levels[bisect.bisect_right(starts, char) - 1] if starts else REQUIRED


@Language.factory("jobmarket_sections_v2")
def make_sections(nlp: Language, name: str):
    def sections(doc: Doc) -> Doc:
        ext = doc._
        scan = ext.scan
        pairs = line_levels(
            scan.text,
            scan.title_end,
            scan.lines,
            set(scan.cue_lines.get("section", ())),
            set(scan.cue_lines.get("preferred_line", ())),
        )
        ext.sections = ([s for s, _ in pairs], [lvl for _, lvl in pairs])
        # whether any line reads as a heading: without one, every line defaults to "required"
        doc.user_data["has_headings"] = any(
            heading_level(scan.lines[i])
            for i in scan.cue_lines.get("section", ())
            if scan.line_starts[i] >= scan.title_end
        )
        return doc

    return sections
