"""The skills taxonomy (data in taxonomy.csv) and the components that find it in text."""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

TAXONOMY_PATH = Path(__file__).with_name("taxonomy.csv")


@dataclass(frozen=True)
class Skill:
    skill_id: str
    name: str
    category: str
    is_ai: bool
    cluster: str | None
    aliases: tuple[str, ...]
    context_rule: str | None

    @property
    def written_forms(self) -> dict[str, list[str]]:
        """Each lower-cased surface form (name first, then aliases) with the spellings the
        taxonomy writes for it: the case rules compare a hit against those."""
        forms: dict[str, list[str]] = {}
        for form in (self.name, *self.aliases):
            form = form.strip()
            if form:
                forms.setdefault(form.lower(), []).append(form)
        return forms

    @property
    def surface_forms(self) -> list[str]:
        return list(self.written_forms)


@lru_cache(maxsize=4)
def load_taxonomy(path: Path = TAXONOMY_PATH) -> dict[str, Skill]:
    skills: dict[str, Skill] = {}
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            skill_id = row["skill_id"].strip()
            if skill_id in skills:
                raise ValueError(f"{path}: skill_id {skill_id!r} appears twice")
            skills[skill_id] = Skill(
                skill_id=skill_id,
                name=row["name"].strip(),
                category=row["category"].strip(),
                is_ai=row["is_ai"].strip().lower() == "true",
                cluster=row["cluster"].strip() or None,
                aliases=tuple(a.strip() for a in row["aliases"].split("|") if a.strip()),
                context_rule=row["context_rule"].strip() or None,
            )
    return skills


def taxonomy_version(path: Path = TAXONOMY_PATH) -> str:
    """A content hash: any edit of the taxonomy is a new version."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]
