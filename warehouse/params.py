"""Values a user types (a country, a role, a month), checked before they reach SQL.

Every query binds them as parameters; these checks are the second line: a typo gets a clear
message naming what is allowed instead of an empty table, and nothing a user types is ever
spliced into SQL text."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pycountry

from pipelines.role import ROLES

MONTH = re.compile(r"(\d{4})-(\d{2})")


class BadParameter(ValueError):
    pass


def country(value: str) -> str:
    code = value.strip().upper()
    if code == "ALL" or (len(code) == 2 and pycountry.countries.get(alpha_2=code)):
        return code
    raise BadParameter(f"unknown country {value!r}: give an ISO 3166-1 alpha-2 code such as KE, or ALL")


def role(value: str) -> str:
    name = value.strip().lower()
    if name in ROLES or name == "all":
        return name
    raise BadParameter(f"unknown role {value!r}: one of {', '.join(ROLES)}, or all")


def month(value: str) -> str:
    found = MONTH.fullmatch(value.strip())
    if not found or not (2000 <= int(found[1]) <= 2100 and 1 <= int(found[2]) <= 12):
        raise BadParameter(f"bad month {value!r}: give YYYY-MM, e.g. 2025-01")
    return found[0]


@dataclass(frozen=True)
class Slice:
    """A report's selection; None means no restriction."""

    country: str | None = None
    role: str | None = None
    month_from: str | None = None
    month_to: str | None = None

    @classmethod
    def parse(cls, country_: str | None, role_: str | None, from_: str | None, to_: str | None) -> Slice:
        chosen = cls(
            country=country(country_) if country_ else None,
            role=role(role_) if role_ else None,
            month_from=month(from_) if from_ else None,
            month_to=month(to_) if to_ else None,
        )
        if chosen.month_from and chosen.month_to and chosen.month_from > chosen.month_to:
            raise BadParameter(f"--from {chosen.month_from} is after --to {chosen.month_to}")
        return chosen

    @property
    def months(self) -> list[str]:
        """Bounds for ``posted_month between ? and ?`` (YYYY-MM sorts as text)."""
        return [self.month_from or "0000-00", self.month_to or "9999-99"]
