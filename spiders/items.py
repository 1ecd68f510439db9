"""The one item every spider yields, and the record of what could not become one.

Field names follow schema.org JobPosting in snake_case; every normalised value stands beside
the raw value it came from (``date_posted`` / ``date_posted_raw``), so that the warehouse can
always re-derive the normalised one and an analyst can see what the source really said.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

WORKPLACE_TYPES = ("remote", "hybrid", "onsite")
SALARY_PERIODS = ("hour", "day", "week", "month", "year")


@dataclass
class JobPosting:
    source: str
    source_id: str
    url: str
    title: str
    company: str | None = None
    description_html: str | None = None
    locations_raw: list[str] = field(default_factory=list)
    date_posted: str | None = None  # ISO 8601, UTC
    date_posted_raw: str | int | None = None
    employment_type: str | None = None
    # The board's own structured workplace field, raw and as remote/hybrid/onsite (None: not said).
    workplace_type_raw: str | None = None
    workplace_type: str | None = None
    # Structured salary as the API gives it; text salaries are the extractor's job.
    salary_raw: Any = None
    salary_min: float | None = None
    salary_max: float | None = None
    salary_currency: str | None = None
    salary_period: str | None = None
    # ISO 3166-1 alpha-2 codes the API states outright (e.g. Lever's `country`).
    country_hints: list[str] = field(default_factory=list)
    board: str | None = None
    fetched_at: str | None = None
    record: Any = None  # the untouched source record

    def problems(self) -> list[str]:
        """Reasons this item must not land; empty when it is whole."""
        found = []
        for name in ("source", "source_id", "url", "title"):
            value = getattr(self, name)
            if not isinstance(value, str) or not value.strip():
                found.append(f"missing_{name}")
        if self.workplace_type not in (None, *WORKPLACE_TYPES):
            found.append("bad_workplace_type")
        if self.salary_period not in (None, *SALARY_PERIODS):
            found.append("bad_salary_period")
        for bound in (self.salary_min, self.salary_max):
            if bound is not None and (not isinstance(bound, int | float) or bound <= 0):
                found.append("bad_salary_amount")
                break
        if (
            self.salary_min is not None
            and self.salary_max is not None
            and isinstance(self.salary_min, int | float)
            and isinstance(self.salary_max, int | float)
            and self.salary_min > self.salary_max
        ):
            found.append("salary_min_above_max")
        return found

    def landing_line(self) -> dict[str, Any]:
        """The landing-file shape: the item's fields, with the source record beside them."""
        item = asdict(self)
        record = item.pop("record")
        return {"item": item, "record": record}


@dataclass
class QuarantinedRecord:
    """Input that could not become a JobPosting, kept with the reason instead of being lost."""

    source: str
    reason: str  # a short slug: it becomes the stats key jobs/<source>/quarantined/<reason>
    detail: str
    url: str | None = None
    fetched_at: str | None = None
    record: Any = None  # the offending record, or an excerpt of the body
