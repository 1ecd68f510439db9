"""Salary as posted (min, max, currency, period) and as annual USD at a dated exchange rate.

Structured fields first; a salary stated in the text wins over them when both exist and
disagree (the text is what the employer wrote; boards' fields are often defaults). Rules:

- "DOE", "competitive", "negotiable" give no salary, never 0. Equity, bonuses, stipends and
  401(k) figures are not salary: a line that names them is not read.
- One figure gives min = max; several ranges (one per location) give the first.
- Periods: hour, day, week, month, year. Annual = hourly x 2080 (40 h x 52 weeks), daily x 260,
  weekly x 52, monthly x 12. "LPA"/"lakh" is 100,000 INR a year.
- A figure without a stated period is read by size: under 300 per hour, under 20,000 per month
  (except currencies with small units, see LARGE_UNIT_CURRENCIES), else per year.
- Exchange rates: the European Central Bank's daily reference rates, as shipped offline inside
  the ``currencyconverter`` package, at the posting's date (clamped to the table's range; the
  date used is stored as ``fx_date``).
- Annual USD outside [5,000, 2,000,000] is implausible: the posted figures are kept, the
  annual USD values are left empty and ``flag`` says why.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipelines import extensions, geo  # noqa: F401
from pipelines.scan import register_cues

ANNUAL_FACTOR = {"hour": 2080, "day": 260, "week": 52, "month": 12, "year": 1}
PLAUSIBLE_USD = (5_000, 2_000_000)
LARGE_UNIT_CURRENCIES = {"INR", "JPY", "KRW", "IDR", "HUF", "CLP", "COP", "NGN", "KES", "PKR", "VND", "PHP"}

CURRENCY_TOKENS = [
    (r"US\$|USD|U\.S\. dollars?", "USD"), (r"CA\$|C\$|CAD", "CAD"), (r"A\$|AU\$|AUD", "AUD"),
    (r"NZ\$|NZD", "NZD"), (r"S\$|SGD", "SGD"), (r"HK\$|HKD", "HKD"), (r"R\$|BRL", "BRL"), (r"MX\$|MXN", "MXN"),
    (r"€|EUR|euros?", "EUR"), (r"£|GBP", "GBP"), (r"₹|INR|Rs\.?", "INR"), (r"CHF", "CHF"), (r"SEK", "SEK"),
    (r"NOK", "NOK"), (r"DKK", "DKK"), (r"PLN|zł", "PLN"), (r"CZK", "CZK"), (r"¥|JPY", "JPY"), (r"KRW|₩", "KRW"),
    (r"ZAR", "ZAR"), (r"KES|KSh", "KES"), (r"NGN|₦", "NGN"), (r"ILS|₪", "ILS"), (r"PHP|₱", "PHP"),
    (r"IDR|Rp", "IDR"), (r"MYR|RM", "MYR"), (r"THB|฿", "THB"), (r"CNY|RMB", "CNY"), (r"₺", "TRY"),
    (r"RON", "RON"), (r"HUF", "HUF"), (r"AED", "AED"), (r"SAR", "SAR"), (r"QAR", "QAR"), (r"EGP|E£", "EGP"),
    (r"GHS|GH₵", "GHS"), (r"VND|₫", "VND"), (r"PKR", "PKR"), (r"BDT|৳", "BDT"), (r"LKR", "LKR"), (r"UAH|₴", "UAH"),
    (r"ARS", "ARS"), (r"CLP", "CLP"), (r"COP", "COP"), (r"TWD|NT\$", "TWD"), (r"KZT|₸", "KZT"), (r"MAD", "MAD"),
    (r"R(?=\s?\d)", "ZAR"), (r"\$", "USD"),
]  # fmt: skip
CURRENCY = "(?P<{name}>" + "|".join(p for p, _ in CURRENCY_TOKENS) + ")"
AMOUNT = r"(?P<{name}>\d{{1,3}}(?:[,.\s]\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?P<{name}_k>[kK]|lakhs?|lacs?|LPA|L\b)?"
RANGE_SEP = r"\s*(?:-|–|—|to|and|a|bis|à|und|et)\s*"
SALARY_RE = re.compile(
    CURRENCY.format(name="cur1")
    + r"?\s*"
    + AMOUNT.format(name="low")
    + r"(?:\s*"
    + CURRENCY.format(name="cur_mid")
    + r")?(?:"
    + RANGE_SEP
    + CURRENCY.format(name="cur2")
    + r"?\s*"
    + AMOUNT.format(name="high")
    + r")?\s*"
    + CURRENCY.format(name="cur3")
    + r"?",
    re.I,
)
PERIOD_RE = re.compile(
    r"(?:per|/|an|a|each|pro|im|por|par)\s*(?P<p>hour|hr|h|day|week|wk|month|mo|year|yr|annum|stunde|tag|monat|jahr|"
    r"mes|mês|hora|año|ano|mois|heure|jour)\b|"
    r"\b(?P<q>hourly|daily|weekly|monthly|annually|annual|yearly|p\.?a\.?|pa|lpa|mensuales|mensual|mensais|monatlich|"
    r"annuel|annuelle|jährlich|anual|anuales)\b",
    re.I,
)
PERIOD_WORDS = {
    "hour": "hour", "hr": "hour", "h": "hour", "hourly": "hour", "day": "day", "daily": "day",
    "week": "week", "wk": "week", "weekly": "week", "month": "month", "mo": "month", "monthly": "month",
    "year": "year", "yr": "year", "annum": "year", "annually": "year", "annual": "year", "yearly": "year",
    "p.a.": "year", "pa": "year", "p.a": "year", "lpa": "year", "stunde": "hour", "tag": "day", "monat": "month",
    "jahr": "year", "mes": "month", "mês": "month", "hora": "hour", "año": "year", "ano": "year", "mois": "month",
    "heure": "hour", "jour": "day", "mensuales": "month", "mensual": "month", "mensais": "month",
    "monatlich": "month", "annuel": "year", "annuelle": "year", "jährlich": "year", "anual": "year",
    "anuales": "year",
}  # fmt: skip
# A bare "$" is the local dollar where the job is.
LOCAL_DOLLAR = {"CA": "CAD", "AU": "AUD", "NZ": "NZD", "SG": "SGD", "HK": "HKD", "MX": "MXN"}
SALARY_CUE = re.compile(
    r"\b(salary|salaries|pay|compensation|base|wage|rate|ote|remuneration|gehalt|range|paid|earn|vergütung|lohn|"
    r"brutto|stundenlohn|ctc|package)\b",
    re.I,
)
NOT_SALARY = re.compile(
    r"401\s*\(?k\)?|stipend|bonus|equity|allowance|reimburs|budget|relocation|raised|funding|revenue|"
    r"valuation|\bmillion\b|\bbillion\b|\barr\b|customers|users|learning and development|sign[- ]on|"
    r"\bper (employee|seat)\b|\bhsa\b|\bfsa\b|matching|\bote\b|on[- ]target",
    re.I,
)
# Words that make a figure something other than pay when they stand right before it ("a bonus
# of $5,000", "raised $20M") or right after it ("$2,000 learning stipend"), unless the pay is
# named first and they are added to it ("£170,000 plus bonus", "$180k + equity").
ADDED_TO_PAY = re.compile(
    r"^\W*(?:(?:per |/|a )?(?:yr|year|annum|pa|hr|hour|month|mo)\b\W*)?(plus|\+|and|with|excluding|excl\.?|not including|on top)\b|"
    r"^\W*(?:(?:per |/)?(?:yr|year|annum|hr|hour|month|mo)\b)?\s*\+",
    re.I,
)


CLAUSE_SPLIT = re.compile(r"[.;,](?:\s|$)")
THOUSANDS = re.compile(r"(?!0[.,])\d{1,3}([.,]\d{3})+")
DIGIT = re.compile(r"\d")
CLAUSE_END = re.compile(r"[.;,](\s|$)|\(")


def not_pay(line: str, start: int, end: int) -> bool:
    before = CLAUSE_SPLIT.split(line[max(0, start - 30) : start])[-1]
    # "a bonus of $5,000", "raised $20M": the word governs the figure; "equity are competitive
    # ($100K-$130K)" names the pay beside it
    for hit in NOT_SALARY.finditer(before):
        between = before[hit.end() :]
        if not re.search(r"\b(?:is|are|was|were|be)\b|\(", between, re.I):
            return True
    after = line[end : end + 30]
    cut = CLAUSE_END.search(after)
    after = after[: cut.start()] if cut else after
    hit = NOT_SALARY.search(after)
    if not hit:
        return False
    lead = after[: hit.start()]
    return not ADDED_TO_PAY.search(lead) and len(lead.split()) <= 3


PER_UNIT = re.compile(r"\bper (?:word|click|task|article|post|lead|sale|unit|item|page|minute|image)\b", re.I)
NO_SALARY = re.compile(r"\b(doe|competitive|negotiable|depending on experience|commensurate)\b", re.I)


# A salary needs a currency (or lakh): only the lines that hold one are read.
register_cues(
    "salary",
    substrings=("$", "€", "£", "₹", "¥", "₩", "₦", "₪", "₱", "฿", "₺", "₫", "৳", "₴", "₸", "₵", "zł", "per month",
                "per hour", "per year", "per annum", "per day", "monthly", "hourly", "lakh", "lac", "lpa",
                "u.s. dollar", "euro", "salary", "salaries", "pay", "wage", "compensation", "remuneration", "ctc",
                "gehalt", "vergütung", "salário", "sueldo", "salaire", "0usd", "0cad", "0eur", "0gbp", "0aud",
                "0chf", "0k", "k-", "k –"),
    # Two-letter codes that hide inside words ("rs" in "years", "ron" in "strong") are left out:
    # a line that states pay in them names it ("Salary", "CTC", "per month") as well.
    words=("usd", "cad", "aud", "nzd", "sgd", "hkd", "brl", "mxn", "eur", "gbp", "inr", "chf", "sek", "nok", "dkk",
           "pln", "czk", "jpy", "krw", "zar", "kes", "ksh", "ngn", "ils", "php", "idr", "myr", "thb", "cny", "rmb",
           "huf", "aed", "sar", "qar", "egp", "ghs", "vnd", "pkr", "bdt", "lkr", "uah", "clp", "cop", "twd", "kzt",
           "mad"),
)  # fmt: skip


def parse_amount(raw: str, suffix: str | None) -> float:
    text = raw.replace(" ", "")
    if "," in text and "." in text:
        decimal = "." if text.rfind(".") > text.rfind(",") else ","
        text = text.replace("," if decimal == "." else ".", "").replace(",", ".")
    elif THOUSANDS.fullmatch(text):
        text = text.replace(",", "").replace(".", "")
    else:
        text = text.replace(",", ".")
    value = float(text)
    suffix = (suffix or "").lower()
    if suffix == "k":
        value *= 1_000
    elif suffix.startswith(("lakh", "lac", "l")):
        value *= 100_000
    return value


@lru_cache(maxsize=512)
def currency_code(token: str | None) -> str | None:
    if not token:
        return None
    if token.upper() == "R":
        return "ZAR"  # the pattern's lookahead (a digit follows) cannot fullmatch the token alone
    for pattern, code in CURRENCY_TOKENS:
        if re.fullmatch(pattern, token, re.I):
            return code
    return None


# "Monthly base salary of S$9,000": a period word just before the figure.
LEAD_PERIOD_RE = re.compile(
    r"\b(?P<q>hourly|daily|weekly|monthly|annual|yearly)( base)?( salary| pay| rate| wage| compensation)?"
    r"( of| is| from| range)?\s*:?\s*$",
    re.I,
)
# Annual USD a full-time salary falls in, for reading a figure without a period: 22,000 PLN is
# a month's pay (USD 5,500 a year would be implausible), 85,000 EUR a year's.
TYPICAL_ANNUAL_USD = (8_000, 1_000_000)
# "8,000 CHF" is a month's pay in Zurich: read as a year only from 15,000 USD a year up, except in
# the currencies of countries where a year's pay is often less (INR, KES, ...)
YEAR_FLOOR_USD = 15_000


def period_of(match: re.Match) -> str | None:
    """The period a PERIOD_RE or LEAD_PERIOD_RE match names ("/hr" -> hour, "p.a." -> year)."""
    word = (match.groupdict().get("p") or match.group("q")).lower()
    return PERIOD_WORDS.get(word, PERIOD_WORDS.get(word.rstrip(".")))


def amount_size(match: re.Match) -> float:
    try:
        return parse_amount(match.group("low"), match.group("low_k"))
    except ValueError:
        return 0.0


def period_by_plausibility(low: float, high: float, currency: str) -> str | None:
    # The rate only sizes the figure; the table's last date (today is clamped to it) keeps the
    # choice the same on every run with one version of the bundled ECB table.
    rate = fx_to_usd(1.0, currency, date.today()) if currency != "USD" else (1.0, None)
    if rate is None:
        return None
    usd = rate[0]
    floor = TYPICAL_ANNUAL_USD[0] if currency in LARGE_UNIT_CURRENCIES else YEAR_FLOOR_USD
    for period in ("year", "month", "hour"):
        annual_low, annual_high = low * usd * ANNUAL_FACTOR[period], high * usd * ANNUAL_FACTOR[period]
        if (
            floor if period == "year" else TYPICAL_ANNUAL_USD[0]
        ) <= annual_low and annual_high <= TYPICAL_ANNUAL_USD[1]:
            return period
    return None


def period_by_size(amount: float, currency: str) -> str:
    if currency in LARGE_UNIT_CURRENCIES:
        return "year"
    if amount < 300:
        return "hour"
    if amount < 20_000:
        return "month"
    return "year"


# The currency a bare "120K-160K" is in, by the country of the job (a Hacker News header rarely
# writes the "$"); where the country is not known, the US dollar, as on the boards this reads.
LOCAL_CURRENCY = {
    "US": "USD", "GB": "GBP", "CA": "CAD", "AU": "AUD", "NZ": "NZD", "CH": "CHF", "IN": "INR", "SE": "SEK",
    "NO": "NOK", "DK": "DKK", "PL": "PLN", "SG": "SGD", "JP": "JPY", "IL": "ILS", "BR": "BRL", "MX": "MXN",
    **{c: "EUR" for c in ("DE", "FR", "NL", "ES", "IT", "IE", "AT", "BE", "FI", "PT", "GR", "EE", "LV", "LT", "SK", "SI", "LU")},
}  # fmt: skip
# "$100M in bookings", "$2B valuation": money, not pay
MONEY_SCALE = re.compile(r"^\s?(?:m|mm|b|bn|mn|million|billion)\b", re.I)
MIN_LINE = re.compile(r"\b(?:minimum|min\.?)\s*:?\s*$", re.I)
MAX_LINE = re.compile(r"\b(?:maximum|max\.?)\s*:?", re.I)


def _candidates(text: str, country: str | None):
    """Every figure in the text that reads as pay: (salary, the line has a pay word)."""
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if not DIGIT.search(line):
            continue
        cue = None  # whether the line names pay: read once per line, at its first figure
        for match in SALARY_RE.finditer(line):
            if cue is None:
                cue = bool(SALARY_CUE.search(line))
            cur = match.group("cur1") or match.group("cur_mid") or match.group("cur2") or match.group("cur3")
            suffix_lakh = any(
                (match.group(n) or "").lower().startswith(("lakh", "lac", "lpa", "l"))
                for n in ("low_k", "high_k")
            )
            ranged = match.group("high") is not None
            thousands = any((match.group(n) or "").lower() == "k" for n in ("low_k", "high_k"))
            currency = currency_code(cur) or ("INR" if suffix_lakh else None)
            if not currency and thousands and (ranged or cue):
                currency = LOCAL_CURRENCY.get(country or "US")  # "(120K-160K)", "80K + options"
            if not currency:
                continue
            if cur == "$" and country in LOCAL_DOLLAR:
                currency = LOCAL_DOLLAR[country]
            if cur and cur.upper() == "R" and (cur != "R" or country != "ZA"):
                continue  # "R" is the rand only in South Africa, and only as a capital
            if MONEY_SCALE.match(line[match.end() : match.end() + 9]) or not_pay(
                line, match.start(), match.end()
            ):
                continue
            tail = line[match.end() : match.end() + 30]
            cut = CLAUSE_END.search(tail)
            tail = tail[: cut.start()] if cut else tail
            lead = line[max(0, match.start() - 40) : match.start()]
            period_match = PERIOD_RE.search(tail) or LEAD_PERIOD_RE.search(lead)
            if (
                not ranged
                and not cue
                and not period_match
                and not (cur and amount_size(match) >= 10_000)
                and not thousands
            ):
                continue
            low_suffix = match.group("low_k") or (match.group("high_k") if ranged else None)
            low = parse_amount(match.group("low"), low_suffix)
            high = parse_amount(match.group("high"), match.group("high_k")) if ranged else low
            if low <= 0 or high <= 0 or low > high:
                continue
            stated_period = period_of(period_match) if period_match else None
            if stated_period is None and PER_UNIT.search(tail):
                continue  # "$0.06 per word", "$5 per click": a piece rate, not a wage
            if low < 10 and not suffix_lakh and stated_period != "hour":
                continue  # "$5 off", "3 days": not pay; "$3.50/hour" is
            if not ranged and MIN_LINE.search(lead if lead.strip() else (lines[index - 1] if index else "")):
                # "Minimum: $76,875 / Maximum: $130,000": the range is written over two lines
                for later in lines[index + 1 : index + 4]:
                    found = SALARY_RE.search(later) if MAX_LINE.search(later) or DIGIT.search(later) else None
                    if found and found.group("low"):
                        top = parse_amount(found.group("low"), found.group("low_k"))
                        if top >= low:
                            high = top
                        break
            if suffix_lakh:
                period = "year"
            elif stated_period:
                period = stated_period
            else:
                period = period_by_plausibility(low, high, currency) or period_by_size(low, currency)
            yield {"min": low, "max": high, "currency": currency, "period": period, "from": "text"}, cue


def from_text(text: str, country: str | None = None) -> dict[str, Any] | None:
    """The salary the text states: the first figure on a line that names pay ("Salary", "Base",
    "compensation"), else the first figure that reads as pay at all. ``country``: where the job
    is, for "$" and for a figure written without a currency."""
    first = None
    for salary, cue in _candidates(text, country):
        if cue:
            return salary
        first = first or salary
    return first


@lru_cache(maxsize=1)
def converter():
    import currency_converter
    from currency_converter import CurrencyConverter

    from pipelines.cache import cached

    def build():
        return CurrencyConverter(fallback_on_missing_rate=True, fallback_on_wrong_date=True)

    return cached("ecb-rates", [Path(currency_converter.CURRENCY_FILE)], build)


def fx_to_usd(amount: float, currency: str, on: date) -> tuple[float, date] | None:
    conv = converter()
    if currency not in conv.currencies or "USD" not in conv.currencies:
        return None
    first, last = conv.bounds[currency]
    used = min(max(on, first), last)
    usd_first, usd_last = conv.bounds["USD"]
    used = min(max(used, usd_first), usd_last)
    return conv.convert(amount, currency, "USD", date=used), used


def annualise(salary: dict[str, Any], on: date | None) -> dict[str, Any]:
    on = on or date.today()
    factor = ANNUAL_FACTOR[salary["period"]]
    out = dict(salary, annual_usd_min=None, annual_usd_max=None, fx_date=None, flag=None)
    converted = [fx_to_usd(salary[k] * factor, salary["currency"], on) for k in ("min", "max")]
    if None in converted:
        out["flag"] = f"no exchange rate for {salary['currency']}"
        return out
    (usd_min, used), (usd_max, _) = converted
    if usd_min < PLAUSIBLE_USD[0] or usd_max > PLAUSIBLE_USD[1]:
        out["flag"] = f"implausible annual USD {usd_min:,.0f}-{usd_max:,.0f}"
        return out
    out.update(annual_usd_min=round(usd_min, 2), annual_usd_max=round(usd_max, 2), fx_date=used.isoformat())
    return out


def structured(hints: dict[str, Any]) -> dict[str, Any] | None:
    low, high = hints.get("salary_min"), hints.get("salary_max")
    currency, period = hints.get("salary_currency"), hints.get("salary_period")
    if not currency or (low is None and high is None) or (period is not None and period not in ANNUAL_FACTOR):
        return None
    low = float(low if low is not None else high)
    high = float(high if high is not None else low)
    if low <= 0 or high < low:
        return None
    if period is None:
        # a board that sends figures without their period (remotejobs.org): read it by size
        period = period_by_plausibility(low, high, currency.upper()) or period_by_size(low, currency.upper())
    return {"min": low, "max": high, "currency": currency.upper(), "period": period, "from": "structured"}


@Language.factory("jobmarket_salary_v2")
def make_salary(nlp: Language, name: str):
    def salary_component(doc: Doc) -> Doc:
        ext = doc._
        posting = ext.posting or {}
        # the text's own figure wins over the board's structured fields
        countries = geo.parse_locations(posting.get("location") or "").countries
        country = countries[0] if countries else None
        # the description's own figure first, then the board's pay line, then its structured fields
        board_text = posting.get("salary_text")
        picked = (
            from_text(ext.scan.cued_text("salary", body_only=True), country)
            or (from_text(board_text, country) if isinstance(board_text, str) else None)
            or structured(posting)
        )
        if picked is None:
            ext.result["salary"] = None
            return doc
        posted = posting.get("date_posted")
        on = date.fromisoformat(posted[:10]) if posted else None
        ext.result["salary"] = annualise(picked, on)
        return doc

    return salary_component
