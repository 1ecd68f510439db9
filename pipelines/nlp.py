"""The extraction pipeline: ``spacy.blank("en")`` with a whitespace tokenizer and the registered
jobmarket components.

The text of a posting is scanned once (``jobmarket_scan_v1``: one Aho-Corasick pass over the
lower-cased text, for the skills and the cue words of every field); every later component reads
that scan, so no field re-tokenises or re-scans the posting.

The Doc carries no tokens (``jobmarket.untokenized.v1``): no component reads tokens, and making
them (spaCy's rule tokenizer, or even a split on spaces) would cost more than the rest of the
extraction. The text is in ``doc.user_data["text"]`` and every offset refers to it. For display,
``build_nlp(spans=True)`` uses spaCy's own tokenizer and keeps the skill hits as
``doc.spans["skills"]``, so ``displacy.render(doc, style="span", options={"spans_key": "skills"})``
shows them."""

from __future__ import annotations

import gc
import re
from collections.abc import Iterable, Iterator
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

# Importing the component modules registers their factories and their scan cues.
from pipelines import (  # noqa: F401
    EXTRACTOR_VERSION,
    extensions,
    geo,
    positions,
    remote_status,
    role,
    salary,
    sections,
    seniority,
)
from pipelines.scan import Scanner
from pipelines.skills import component as skill_component  # noqa: F401
from pipelines.skills import load_taxonomy, taxonomy_version
from pipelines.text import html_to_text

REMOTE_ONLY_SOURCES = {"remoteok", "remotive", "jobicy", "himalayas"}


def version() -> str:
    """The extractor version stored beside every result: code version + taxonomy hash + the
    trained models' hash (a retrained model re-extracts)."""
    from pipelines.textcat import fingerprint

    return f"{EXTRACTOR_VERSION}+tax.{taxonomy_version()}+models.{fingerprint()}"


class UntokenizedDoc:
    """A tokenizer that makes an empty Doc holding the text in ``user_data["text"]``."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        doc = Doc(self.vocab)
        doc.user_data["text"] = text
        return doc


@spacy.registry.tokenizers("jobmarket.untokenized.v1")
def create_untokenized():
    def make(nlp: Language) -> UntokenizedDoc:
        return UntokenizedDoc(nlp.vocab)

    return make


@Language.factory("jobmarket_scan_v1")
def make_scan(nlp: Language, name: str):
    scanner = Scanner(load_taxonomy())

    def scan(doc: Doc) -> Doc:
        ext = doc._
        posting = ext.posting or {}
        text = posting.get("text")
        if text is None:  # a Doc made outside extract_many
            text = doc.user_data.get("text", doc.text)
        ext.scan = scanner.scan(text, posting.get("title_end", 0))
        if ext.result is None:
            ext.result = {}
        return doc

    return scan


@Language.component("jobmarket_skill_spans_v1")
def skill_spans(doc: Doc) -> Doc:
    spans = []
    for hit in doc._.result["skills"]:
        span = doc.char_span(hit["start"], hit["end"], label="SKILL", alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans["skills"] = spans
    return doc


def build_nlp(spans: bool = False) -> Language:
    """The pipeline. ``spans=True`` adds the skill spans to each Doc for display (a little slower)."""
    if spans:
        nlp = spacy.blank("en")  # spaCy's own tokens, for display
    else:
        nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "jobmarket.untokenized.v1"}}})
    nlp.add_pipe("jobmarket_scan_v1")
    nlp.add_pipe("jobmarket_sections_v2")
    nlp.add_pipe("jobmarket_skills_v2")
    nlp.add_pipe("jobmarket_remote_status_v2")
    nlp.add_pipe("jobmarket_role_v2")
    nlp.add_pipe("jobmarket_ai_involvement_model_v1")
    nlp.add_pipe("jobmarket_seniority_v2")
    nlp.add_pipe("jobmarket_salary_v2")
    if spans:
        nlp.add_pipe("jobmarket_skill_spans_v1")
    return nlp


def posting_text(record: dict[str, Any]) -> tuple[str, int]:
    """The plain text that offsets refer to: the title line, a blank line, the description."""
    title = (record.get("title") or "").strip()
    body = html_to_text(record.get("description"))
    head = f"{title}\n\n" if title else ""
    return head + body, len(head)


# A place the first line of a comment writes in prose: "hiring engineers in Austin, TX", "ONSITE in
# Redwood City", "AMPTab of SEATTLE, WA", "from San Francisco".
PROSE_PLACE = re.compile(
    r"\b(?:in|at|from|of|near|based in|located in|offices? in|headquartered in)\s+(?:the\s+)?"
    r"(?P<place>[A-Z][\w.'-]+(?:(?:,\s*|\s+)(?:[A-Z][\w.'-]+|[A-Z]{2}\b)){0,3})"
)


def header_places(header: str | None) -> list[str]:
    """What a header line ("Acme | Berlin, Germany | ONSITE") may name as places: its segments
    that name no position, the parts beside a position ("iOS Engineer - San Francisco"), and the
    places its prose names ("hiring engineers in Austin, TX")."""
    if not header:
        return []
    places = []
    for part in positions.header_parts(header):
        pieces = (
            re.split(r"\s+[-–—]\s+|\s*/\s*(?=[A-Z])", part) if positions.JOB_WORD.search(part) else [part]
        )
        places += [p for p in pieces if not positions.JOB_WORD.search(p)]
    places += [m.group("place") for m in PROSE_PLACE.finditer(header)]
    return [" ".join(NOT_PLACE_WORDS.sub(" ", p).split()) for p in places if p.strip()]


# Header words that say how, not where ("Perm, full-time" is not Perm in Russia).
NOT_PLACE_WORDS = re.compile(
    r"\b(?:full[- ]?time|part[- ]?time|perm(?:anent)?|contract(?:or)?s?|freelance|visas?|h-?1b|relocation|"
    r"sponsorship|interns?(?:hips?)?|equity|salary|multiple (?:roles|positions|openings))\b",
    re.I,
)


# A remote job that names no country but offers US retirement benefits, or names the United
# States, employs there (on the development part: 17 of 18 and 20 of 29 such postings so labelled).
US_EMPLOYER = re.compile(r"\b401\s?\(?k\)?|\bUnited States\b|\bU\.S\.(?!\w)|\bUSA\b|\bU\.?S\.?-based\b", re.I)


def _places(
    record: dict[str, Any], status: str, text_countries: list[str], header: str | None, text: str = ""
) -> dict[str, Any]:
    locations = record.get("locations") or ([record["location"]] if record.get("location") else [])
    locations = [*locations, *(p for p in header_places(header) if p not in locations)]
    places = geo.parse_locations(locations)
    countries = list(places.countries)
    for hint in record.get("country_hints") or []:
        if hint not in countries:
            countries.append(hint)
    remote_countries: list[str] = []
    if status == "remote":
        # Where a remote hire may live: what the text restricts it to, and the locations that
        # name a country without an office city ("Remote - US", "Canada"); "Remote (EU)" and
        # "Worldwide" restrict to no country. An office city beside them ("Berlin or Remote")
        # still counts among the posting's countries.
        for code in [*text_countries, *places.remote_countries]:
            if code not in remote_countries:
                remote_countries.append(code)
        countries += [c for c in remote_countries if c not in countries]
        if not countries and US_EMPLOYER.search(text):
            countries.append("US")
    return {"countries": countries, "cities": places.cities, "remote_countries": remote_countries}


_FROZEN = False


def _freeze_loaded_tables() -> None:
    """Once the first posting has loaded the taxonomy, the automaton and GeoNames (millions of
    long-lived objects), move them out of the garbage collector's sight: otherwise every full
    collection walks them again, a fifth of the extraction's time on real postings."""
    global _FROZEN
    if not _FROZEN:
        gc.collect()
        gc.freeze()
        _FROZEN = True


def extract_many(
    records: Iterable[dict[str, Any]],
    nlp: Language | None = None,
    batch_size: int = 64,
    extras: tuple[str, ...] = (),
) -> Iterator[dict]:
    """One output dict per input record (the extraction contract), in input order. ``extras``:
    intermediate results to copy too (``ai_snippet``, for training the classifier that reads it)."""
    nlp = nlp or build_nlp()

    def docs():
        for record in records:
            text, title_end = posting_text(record)
            doc = nlp.make_doc(text)
            location = record.get("location") or "; ".join(record.get("locations") or [])
            ext = doc._  # each doc._ builds a new accessor: one per doc, not one per field
            ext.posting = {
                **record,
                "text": text,
                "location": location,
                "title_end": title_end,
                "remote_board": record.get("source") in REMOTE_ONLY_SOURCES,
            }
            ext.result = {}
            yield doc

    for index, doc in enumerate(nlp.pipe(docs(), batch_size=batch_size)):
        if index == 1:
            _freeze_loaded_tables()
        ext = doc._
        record = ext.posting
        result = ext.result
        out = {"id": record.get("id"), "text": record["text"]}
        out["skills"] = result["skills"]
        out["remote_status"] = result["remote_status"]
        out["remote_evidence"] = result["remote_evidence"]
        out.update(
            _places(
                record,
                result["remote_status"],
                result["remote_text_countries"],
                result.get("header_line"),
                record["text"],
            )
        )
        for key in (
            "title",
            "role",
            "roles",
            "ai_governance",
            "is_tech",
            "ai_involvement",
            "seniority",
            "min_years_experience",
            "degree",
            "salary",
        ):
            out[key] = result[key]
        for key in extras:
            out[key] = result.get(key)
        yield out
