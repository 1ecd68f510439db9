"""AI involvement of the primary role: required, preferred, mentioned or none (LABELS.md).

Every AI/ML skill the posting names is judged by the sentence it stands in:

- in the title, or in a sentence that asks something of the candidate ("experience with PyTorch",
  "you will train models", a duty or requirement line): **required**;
- in a sentence that makes it a plus ("ML experience a bonus") or under a nice-to-have heading:
  **preferred**;
- in the employer's blurb or product ("we use machine learning to...", "an AI-powered
  platform", "AI data centers"), in the benefits, or in a stack list that asks nothing:
  **mentioned**.

The posting takes the strongest level of its hits; a posting with none is ``none``. The eight AI
roles are AI work by definition (``required``). Robotics and predictive analytics alone are not
AI/ML knowledge asked (a drone maker, a forecasting dashboard): they count as no AI here, though
they stay skills.
"""

from __future__ import annotations

import re
from typing import Any

from pipelines import positions
from pipelines.sections import DUTY_LINE, MENTIONED, PREFERRED, PREFERRED_LINE

ORDER = {"required": 3, "preferred": 2, "mentioned": 1, "none": 0}
# Where the trained classifier overrules the rule: "required" and "mentioned", the readings the rule
# gets wrong most on real postings (an employer's "we use ML" read as asked, or the reverse); a
# "preferred" the rule found ("ML a plus") it keeps (5-fold CV: 0.686 with it kept, 0.684 without).
MODEL_DECIDES = ("required", "mentioned")
NOT_AI_KNOWLEDGE_CLUSTERS = {"robotics"}
# GPU programming is high-performance computing as often as ML: alone it asks no AI/ML knowledge.
NOT_AI_KNOWLEDGE_SKILLS = {"predictive_modeling", "cuda", "gpu_programming", "gpu_clusters"}
# "We may use AI tools in our recruitment process": about the hiring, not the job.
HIRING_PROCESS = re.compile(
    r"\b(?:recruit\w*|hiring|application|interview|screening|selection)\s+process|\bscreen\w* (?:applications|candidates|resumes)|"
    r"\b(?:use|uses|utili[sz]e|leverage)s?\b[^.]{0,40}\b(?:to|in)\b[^.]{0,30}\b(?:hiring|recruit\w*|applications|candidates)\b",
    re.I,
)
PLUS = re.compile(
    r"\b(?:a|an) (?:major|definite|nice|great|real|added|extra|bonus) (?:plus|bonus)\b|\b(?:bonus|extra) points?\b|"
    r"\bnot (?:a )?(?:must|requirement|required)\b",
    re.I,
)
SENTENCE = re.compile(r"(?<=[.!?;])\s+|\s+[-–•*]\s+(?=[A-Z])")
CANDIDATE = re.compile(
    r"\b(?:you|your|you'll|you’ll|you're|candidates?|applicants?|experience (?:with|in|of|using|building|applying)|"
    r"experienced|knowledge|familiar\w*|proficien\w*|expertise|background in|skills? (?:in|with)|understanding|"
    r"ability|able to|must|required|requirements?|qualifications?|strong|solid|hands[- ]on|proven|"
    r"track record|ideally|degree|phd|years of|comfortable|fluen\w*|competen\w*|worked with|exposure)\b",
    re.I,
)
# The employer speaking of itself: "We use ML", "our AI platform", "Acme is an AI company".
COMPANY = re.compile(
    r"\b(?:we|we're|we’re|we've|our|us|company|startup|platform|products?|customers?|clients?|mission|"
    r"founded|backed|funded|team|leader|leading|powered|driven|helps?|enables?|builds|offers|provides|"
    r"industry|data centers?|world)\b",
    re.I,
)


def _sentence(text: str, line_start: int, line_end: int, start: int) -> str:
    line = text[line_start:line_end]
    at = start - line_start
    begin = 0
    for match in SENTENCE.finditer(line):
        if match.end() <= at:
            begin = match.end()
        else:
            return line[begin : match.start()]
    return line[begin:]


def hit_level(hit: dict[str, Any], text: str, title_end: int, line_start: int, line_end: int,
              headed: bool, primary: str | None = None) -> str:  # fmt: skip
    """The level one AI hit gives the posting. ``headed``: the hit stands under a requirements
    heading (not in a posting without headings, where every line reads as required).
    ``primary``: the primary position's title; a hit on a line that introduces another position
    ("* ML Engineer: TensorFlow, ...") is about that position, not the primary one."""
    if hit["start"] < title_end:
        return "required"
    line = text[line_start:line_end]
    if primary:
        other = positions.line_position(line)
        if (
            other
            and other.lower() != primary.lower()
            and not positions.JOB_WORD.search(text[hit["start"] : hit["end"]])
        ):
            return "none"
    if hit["requirement"] == PREFERRED:
        return "preferred"
    if hit["requirement"] == MENTIONED:
        return "mentioned"
    sentence = _sentence(text, line_start, line_end, hit["start"])
    if HIRING_PROCESS.search(sentence):
        return "none"
    if PREFERRED_LINE.search(sentence) or PLUS.search(sentence):
        return "preferred"
    if DUTY_LINE.search(line) or CANDIDATE.search(sentence):
        return "required"
    if headed and not COMPANY.search(sentence):
        return "required"
    return "mentioned"


def hit_levels(hits: list[dict[str, Any]], text: str, title_end: int, line_starts: list[int],
               line_of, headed_at, negated: set[str], primary: str | None = None,
               judge_also: frozenset[str] = frozenset()) -> list[str | None]:  # fmt: skip
    """The level each hit gives the posting (None: not AI knowledge, or negated); the skills in
    ``judge_also`` are judged the same way though they are not AI (their level is not AI involvement)."""
    levels: list[str | None] = []
    for hit in hits:
        if hit["skill_id"] in negated:
            levels.append("none")  # "No machine learning required": no involvement, and no skill
            continue
        judged = hit["skill_id"] in judge_also
        if not judged and (
            not hit["is_ai"]
            or hit["skill_id"] in negated
            or hit["skill_id"] in NOT_AI_KNOWLEDGE_SKILLS
            or hit.get("cluster") in NOT_AI_KNOWLEDGE_CLUSTERS
        ):
            levels.append(None)
            continue
        index = line_of(hit["start"])
        start = line_starts[index]
        end = line_starts[index + 1] - 1 if index + 1 < len(line_starts) else len(text)
        levels.append(hit_level(hit, text, title_end, start, end, headed_at(hit["start"]), primary))
    return levels


def involvement(hits: list[dict[str, Any]], levels: list[str | None], ai_role: bool) -> str:
    if ai_role:
        return "required"
    return max(
        (lv for hit, lv in zip(hits, levels, strict=True) if lv and hit["is_ai"] and hit["skill_id"] not in NOT_AI_KNOWLEDGE_SKILLS
         and hit.get("cluster") not in NOT_AI_KNOWLEDGE_CLUSTERS),
        key=ORDER.__getitem__, default="none",
    )  # fmt: skip


def snippet(hits: list[dict[str, Any]], levels: list[str | None], text: str, title_end: int,
            line_starts: list[int], line_of) -> str:  # fmt: skip
    """The AI hits' sentences, each behind the rule's reading of it ("[required] You will train
    models with PyTorch."): what the trained classifier of AI involvement reads."""
    seen: set[str] = set()
    parts: list[str] = []
    for hit, level in zip(hits, levels, strict=True):
        if level is None or not hit["is_ai"] or hit["skill_id"] in NOT_AI_KNOWLEDGE_SKILLS:
            continue
        if hit["start"] < title_end:
            sentence, where = text[:title_end].strip(), "title"
        else:
            index = line_of(hit["start"])
            start = line_starts[index]
            end = line_starts[index + 1] - 1 if index + 1 < len(line_starts) else len(text)
            sentence, where = _sentence(text, start, end, hit["start"]).strip(), hit["requirement"]
        if sentence and sentence not in seen:
            seen.add(sentence)
            parts.append(f"[{level}] [{where}] {sentence[:300]}")
        if len(parts) >= 8:
            break
    return "\n".join(parts)
