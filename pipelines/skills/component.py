"""Skill matching: a span_ruler fed from the taxonomy, then context rules for ambiguous names.

Matching is on lower-cased tokens, so "PyTorch", "pytorch" and "PYTORCH" all hit; the context
rules then settle the names that are also ordinary words or letters:

- ``case_sensitive``: a one-token hit must carry a capital ("Rust", not "rust"; "RAG", not "rag").
- ``list_context`` (C, R, Julia): exactly as written, and standing in a list of skills
  ("Python, R or SQL"), not in "R&D" or "C-level".
- ``go_lang``: "Golang" always; "Go" capitalised and in a list or next to a word of code.
- ``excel``: "Excel" capitalised and not the verb ("excel at").
- ``rails``: "Ruby on Rails", or "Rails" where Ruby is named too.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipelines.sections import level_at
from pipelines.skills import Skill, load_taxonomy

SEPARATORS = {",", "/", "(", ")", "and", "or", "&", ";", "|", "+", ":", "-"}
NOT_AFTER_LETTER = {"&", "-", "+", "level", "suite", "corp", "."}
CODE_WORDS = {
    "developer", "developers", "engineer", "engineers", "programming", "language", "services",
    "microservices", "code", "backend", "modules", "routines", "experience",
}  # fmt: skip
VERB_CUES = {"at", "in", "as", "when", "under"}


def ruler_patterns(skills: dict[str, Skill]) -> list[dict]:
    return [
        {"label": "SKILL", "pattern": form, "id": s.skill_id}
        for s in skills.values()
        for form in s.surface_forms
    ]


def _neighbour(doc: Doc, i: int) -> str:
    return doc[i].lower_ if 0 <= i < len(doc) else ""


def in_list(span: Span) -> bool:
    doc = span.doc
    before, after = _neighbour(doc, span.start - 1), _neighbour(doc, span.end)
    if after in NOT_AFTER_LETTER and after not in {",", "/"}:
        return False
    return before in SEPARATORS or after in SEPARATORS


def keep(span: Span, skill: Skill) -> bool:
    rule = skill.context_rule
    if rule is None:
        return True
    text = span.text
    one_token = len(span) == 1
    if rule == "case_sensitive":
        return not one_token or text != text.lower()
    if rule == "list_context":
        return (not one_token) or (text == skill.name and in_list(span))
    if rule == "go_lang":
        if text.lower() == "golang":
            return True
        after = _neighbour(span.doc, span.end)
        return text == "Go" and (in_list(span) or after in CODE_WORDS)
    if rule == "excel":
        if not one_token:
            return True
        return text == "Excel" and _neighbour(span.doc, span.end) not in VERB_CUES
    if rule == "rails":
        return not one_token or (text == "Rails" and "ruby" in span.doc.text.lower())
    raise ValueError(f"unknown context rule {rule!r} for skill {skill.skill_id!r}")


@Language.factory("jobmarket_skill_context_v1", default_config={"spans_key": "skills"})
def make_skill_context(nlp: Language, name: str, spans_key: str):
    taxonomy = load_taxonomy()

    def skill_context(doc: Doc) -> Doc:
        candidates = [s for s in doc.spans.get(spans_key, []) if keep(s, taxonomy[s.id_])]
        hits = []
        for span in filter_spans(candidates):
            skill = taxonomy[span.id_]
            hits.append(
                {
                    "skill_id": skill.skill_id,
                    "name": skill.name,
                    "category": skill.category,
                    "is_ai": skill.is_ai,
                    "start": span.start_char,
                    "end": span.end_char,
                    "requirement": level_at(doc, span.start_char),
                    "matched_text": span.text,
                }
            )
        doc._.result["skills"] = hits
        return doc

    return skill_context
