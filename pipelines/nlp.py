"""The extraction pipeline: ``spacy.blank("en")`` plus the registered jobmarket components.

The text of a posting is tokenised once; every component reads the same Doc (skills through
the span_ruler's phrase matcher, the other fields through rules over the Doc's text), so no
field re-tokenises the posting."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import spacy
from spacy.language import Language

from pipelines import EXTRACTOR_VERSION, geo, remote_status, role, salary, sections, seniority  # noqa: F401
from pipelines.skills import component as skill_component
from pipelines.skills import load_taxonomy, taxonomy_version
from pipelines.text import html_to_text

REMOTE_ONLY_SOURCES = {"remoteok", "remotive", "jobicy", "himalayas"}


def version() -> str:
    """The extractor version stored beside every result: code version + taxonomy hash."""
    return f"{EXTRACTOR_VERSION}+tax.{taxonomy_version()}"


def build_nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("jobmarket_sections_v1")
    ruler = nlp.add_pipe(
        "span_ruler",
        name="skill_ruler",
        config={"spans_key": "skills", "phrase_matcher_attr": "LOWER", "validate": False},
    )
    ruler.add_patterns(skill_component.ruler_patterns(load_taxonomy()))
    nlp.add_pipe("jobmarket_skill_context_v1")
    nlp.add_pipe("jobmarket_remote_status_v1")
    nlp.add_pipe("jobmarket_role_v1")
    nlp.add_pipe("jobmarket_seniority_v1")
    nlp.add_pipe("jobmarket_salary_v1")
    return nlp


def posting_text(record: dict[str, Any]) -> tuple[str, int]:
    """The plain text that offsets refer to: the title line, a blank line, the description."""
    title = (record.get("title") or "").strip()
    body = html_to_text(record.get("description"))
    head = f"{title}\n\n" if title else ""
    return head + body, len(head)


def _places(record: dict[str, Any], status: str) -> dict[str, Any]:
    locations = record.get("locations") or ([record["location"]] if record.get("location") else [])
    places = geo.parse_locations(locations)
    countries = list(places.countries)
    for hint in record.get("country_hints") or []:
        if hint not in countries:
            countries.append(hint)
    # Remote jobs count where their candidates may live; an unrestricted one has no country.
    remote_countries = countries if status == "remote" else []
    return {"countries": countries, "cities": places.cities, "remote_countries": remote_countries}


def extract_many(
    records: Iterable[dict[str, Any]], nlp: Language | None = None, batch_size: int = 64
) -> Iterator[dict]:
    """One output dict per input record (the extraction contract), in input order."""
    nlp = nlp or build_nlp()

    def docs():
        for record in records:
            text, title_end = posting_text(record)
            doc = nlp.make_doc(text)
            location = record.get("location") or "; ".join(record.get("locations") or [])
            doc._.posting = {
                **record,
                "location": location,
                "title_end": title_end,
                "remote_board": record.get("source") in REMOTE_ONLY_SOURCES,
            }
            doc._.result = {}
            yield doc

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        record = doc._.posting
        result = doc._.result
        out = {"id": record.get("id"), "text": doc.text}
        out["skills"] = result["skills"]
        out["remote_status"] = result["remote_status"]
        out["remote_evidence"] = result["remote_evidence"]
        out.update(_places(record, result["remote_status"]))
        for key in (
            "role",
            "ai_governance",
            "is_tech",
            "ai_involvement",
            "seniority",
            "min_years_experience",
            "degree",
            "salary",
        ):
            out[key] = result[key]
        yield out
