"""Remote status: remote, hybrid, onsite or unknown, with the words that decided it.

Definitions (README, "Extraction"): remote when the role may be done fully remotely, possibly
within some countries or time zones, or when remote is offered as an option for it; hybrid
when regular office presence is asked part of the time and no fully remote option is offered;
onsite when office, site or field based; unknown when nothing says how the work is done.

Order of evidence, strongest first: what the text says of this role (negations included:
"not remote" is onsite evidence, never remote), then the board's structured field, then a
"Remote" location bucket, then a remote-only board. A structured remote flag is overruled by
hybrid wording in the text, because boards (Ashby's ``isRemote``) set it on hybrid roles.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from pipelines import extensions, geo  # noqa: F401
from pipelines.scan import register_cues

REMOTE, HYBRID, ONSITE, UNKNOWN = "remote", "hybrid", "onsite", "unknown"


class Patterns:
    """Alternatives grouped under the literal words they cannot match without: a group's regular
    expression runs only on text that holds one of its words. One big alternation would be tried
    at every character of the text; most groups are skipped outright."""

    def __init__(self, groups: list[tuple[tuple[str, ...] | re.Pattern, str]]):
        self.groups = [(guards, re.compile(pattern, re.I)) for guards, pattern in groups]
        # the same expressions for the lower-cased text, without re.I: the flag turns off the
        # engine's fast literal scanning and costs about twice the time on real postings
        self.lowered = [(guards, self._for_lower(pattern)) for guards, pattern in groups]

    @staticmethod
    def _for_lower(pattern: str) -> re.Pattern:
        pattern = pattern.replace("[A-Z]", "[a-z]")
        if re.search(r"(?<!\\)[A-Z]", pattern):
            return re.compile(pattern, re.I)  # a capital left: keep the flag rather than miss it
        return re.compile(pattern)

    @staticmethod
    def _guarded(guards: tuple[str, ...] | re.Pattern, lower: str) -> bool:
        if isinstance(guards, re.Pattern):
            return guards.search(lower) is not None
        return any(g in lower for g in guards)

    def search(self, text: str, lower: str | None = None) -> re.Match | None:
        lower = text.lower() if lower is None else lower
        # offsets into the lower-cased text are the text's own unless lower-casing changed a length
        same = len(lower) == len(text)
        for guards, pattern in self.lowered if same else self.groups:
            if self._guarded(guards, lower):
                match = pattern.search(lower if same else text)
                if match:
                    return match
        return None

    def sub(self, replacement: str, text: str) -> str:
        lower = text.lower()
        for guards, pattern in self.groups:
            if self._guarded(guards, lower):
                text = pattern.sub(replacement, text)
        return text


NEGATED_REMOTE = Patterns([(("remote",),
    r"\b(not|no|non)[- ](a )?(fully )?remote\b(?! (from )?outside)(?![- ](only|first))|\bremote (work )?is not (possible|available|offered|an option)\b|"
    r"\bno remote( work| option)?s?\b(?! (from )?outside)|\bthis (is|role is) not (a )?remote\b|\bunable to (offer|support) remote\b|"
    r"\bremote work is not\b|\bnot open to remote\b|\bnot eligible for remote\b|"
    r"\b(not|unable|no longer)( be)?( able)? to (offer|support|provide|consider|hire) (fully |100% |full[- ]time )?remote\b|"
    r"\bcannot be (done|performed|worked) remotely\b|\bnot (a )?remote[- ](position|role|job)\b")])  # fmt: skip
ONSITE_STRONG = Patterns([
    (("site", "office"),
     r"\b(100%|fully|entirely|strictly|exclusively) (on[- ]?site|in[- ]office|office[- ]based)\b|"
     r"\bon[- ]?site only\b|\bin[- ]office (only|role|position)\b|\bmust (be able to )?work (on[- ]?site|from our office)\b|"
     r"\bback to the office\b|\bat customer (locations|sites)\b|\bon client sites\b|\bsite[- ]based\b|\bjob sites?\b"),
    (("5 ", "five"),
     r"\b(5|five) days (a|per) week (in|at) (the|our) office\b|\b(on[- ]?site|office),? (5|five) days\b|"
     r"\bin[- ]person,? (5|five) days?\b|"
     r"\b(office|on[- ]?site|in[- ]person|studio|campus|clinic|lab|depot|plant)\b[^.;\n]{0,40}\b(5|five) days\b|"
     r"\b(5|five) days (a|per) week\b[^.;\n]{0,30}\b(office|on[- ]?site|in[- ]person|studio|campus|clinic|lab)\b"),
    (("visits", "field", "floor", "travel", "customer", "store", "every day"),
     r"\bhome visits\b|\bfield[- ]based\b|\bin the field\b|\bon the (shop|factory|warehouse) floor\b|\b\d{2,3}% travel\b|"
     r"\bin[- ]store\b|\bfield (role|position|job|work)\b|\bin[- ]person,? every days?\b"),
    (("full-time", "full time"),
     r"\bfull[- ]time in (the|our) (office|studio|store|clinic|practice|lab|shop)\b|"
     r"\bin the (office|studio|practice) full[- ]time\b"),
    (("monday", "mon "),
     r"\b(monday|mon) (to|through|-|–) (friday|fri) (in|at) (the|our) (office|practice|studio|clinic|store)\b|"
     r"\b(in the office|in person|on[- ]?site),? (monday|mon) ?(to|through|-|–) ?(friday|fri)\b"),
])  # fmt: skip
DAYS = r"([1-4]|one|two|three|four)"
WORKPLACE = r"(office|on[- ]?site|in[- ]person|studio|hub|campus|clinic|lab|site|home)"
WEEKDAYS = r"(mondays?|tuesdays?|wednesdays?|thursdays?|fridays?)"
HYBRID_TEXT = Patterns([
    (("hybrid", "brid", "ibrido"),
     r"\bhybrid\b(?![- ](search|cloud|retrieval|apps?|mobile|architectures?|infrastructure|environments?|models?|"
     r"modell?ing|approach|vehicles?|integration|solutions?|ranking|recommend\w*|rag))|\bh[íi]brid[oa]\b|\bhybride\b|\bibrido\b"),
    # a count of one to four days, or a weekday: the slow window patterns run only then
    (re.compile(r"\b([1-4]|one|two|three|four) (days?|times?)\b|(mon|tues|wednes|thurs|fri)days?\b|from home days?"),
     rf"\b{DAYS}( days?| times?)( (a|per|each) week)? (in|at|from) (the|our|an?) (office|hub|studio|campus)\b|"
     rf"\b{DAYS} days (in[- ]office|on[- ]?site)\b|\b(office|on[- ]?site)( \w+){{0,2}} {DAYS} days (a|per|each) week\b|"
     rf"\b(in the office|on[- ]?site|in[- ]office) on {WEEKDAYS}\b|\b{WEEKDAYS},? {WEEKDAYS},? (and|&) {WEEKDAYS} in the office\b|"
     rf"\b{DAYS} days? (a|per) week (from|at) home\b|"
     # an office (or home) and a count of one to four days in one sentence: "in the Berlin office at least
     # two days per week", "in-office 4 days a week, Fridays from home", "home office possible one day a week"
     rf"\b{WORKPLACE}\b[^.;\n]{{0,40}}\b{DAYS} days?\b(?! (of|off|notice|onboarding))|\b{DAYS} days?\b[^.;\n]{{0,40}}\b{WORKPLACE}\b|"
     rf"\b(in|at) (the|our) (\w+ )?office (every|on) ({WEEKDAYS}|other week)|\bfrom home on {WEEKDAYS}|"
     rf"\boffice {WEEKDAYS} (to|through|-|–) {WEEKDAYS}|\b{WEEKDAYS} from home\b|\b(work|working) from home days?\b|"
     rf"\b(every|each) {WEEKDAYS}\b[^.;\n]{{0,30}}\bfrom home\b"),
    (("split", "part", "flexible"),
     r"\bsplit between (home|remote) and (the )?office\b|\bpart(ly|ially)? remote\b|\bflexible working from home\b"),
    (("tage", "teilweise"), rf"\b{DAYS} tage? (pro|die) woche im büro\b|\bteilweise remote\b"),
    (("jour",), r"\btélétravail\b[^.\n]{0,20}\b[1-4] jours?\b|\b[1-4] jours? de télétravail\b"),
])  # fmt: skip
REMOTE_OPTION = Patterns([(("remote", "anywhere"),
    r"\b(?<!offer )(fully|100%|completely|entirely|full[- ]time) remote\b|\bremote[- ](ok|friendly|eligible|position|role|job|"
    r"opportunity|work(er)?s? welcome|possible)\b|\bwork (from )?(anywhere|remotely)\b|\bor remote\b|"
    r"\bremote or (on[- ]?site|in[- ]office|hybrid)\b|\bopen to remote\b|\bremote (within|from|in) (the )?(?!office|team|hub|person)\w+|"
    r"\bthis (is a|role is|position is) remote\b|\bremote\s*\(")])  # fmt: skip
REMOTE_WEAK = Patterns([(("remote", "distributed", "from home"),
    r"\bremote[- ]first\b|\bdistributed (team|company)\b|\bremote\b|\bwork from home\b|\bfully distributed\b")])  # fmt: skip
ONSITE_WEAK = Patterns([
    (("site", "office", "person", "field"),
     r"\bon[- ]?site\b|\bin[- ]office\b|\bin[- ]person\b|\boffice[- ]based\b|\bfield[- ]based\b"),
    # the work placed in an office, or the hire asked to live there: "work out of our Shanghai office",
    # "local candidates only", "live in NYC or relocate", "an in-house position at our studio"
    (("office", "hq", "headquarters", "studio"),
     r"\b(work(ing)? (out of|from|in|at)|out of) (an? |our |the )?((?!home\b|your\b|my\b)[\w&.-]+ ){0,3}(office|offices|hq|headquarters|studio)\b(?! (is|are|has|have)\b)|"
     r"\b(out of|in|at|join us in|join our team (at|in)) our ([\w&.-]+ ){0,3}(office|offices|hq|headquarters|studio)\b(?! (is|are|has|have)\b)"),
    (("local", "relocat", "live in", "in-house", "in house", "move to"),
     r"\blocal (only|candidates|developers|applicants|engineers|talent|hires?)\b|\b(candidates|applicants) (who are |must be )?local\b|"
     r"\b(live|living|based) in [A-Z][\w. ]{1,30}? or (are )?(willing|able|happy|ready) to (relocate|move)\b|\bmust (be willing to )?relocate\b|"
     r"\brelocation (to [A-Z][\w ]{1,25} )?is required\b|\bin[- ]house (position|role|job|team)\b|\b\(?local\)?\s*(\||(?=\n)|$)|\(local[,)]"),
])  # fmt: skip
LOCATION_REMOTE = re.compile(r"\bremote\b|\banywhere\b|\bwork from home\b|\bwfh\b", re.I)
LOCATION_HYBRID = re.compile(r"\bhybrid\b", re.I)
LOCATION_ONSITE = re.compile(r"\bon[- ]?site\b|\bin[- ]office\b", re.I)


# Every pattern above holds one of these, so only the lines that hold one need reading.
register_cues(
    "remote",
    substrings=("remote", "hybrid", "office", "on-site", "onsite", "on site", "in-person", "in person", "field-",
                "field based", "in the field", "field role", "field work", "field position", "field job",
                "home", "anywhere", "distributed", "telecommut", "work from", "located", "reside", "candidate",
                "applicant", "citizen", "clearance", "authorized to work", "local", "relocat", "live in", "in-house",
                "in house", "move to", "hq", "headquarters", "authorised to work", "eligible to work", "büro", "monday", "tuesday",
                "wednesday", "thursday", "friday", "teilweise", "brido", "brida", "hybride", "depot", "plant", "télétravail", "jours", "travel",
                "customer", "client", "clinic", "studio", "hub", "campus", "lab", "store", "practice", "job site"),
    words=("wfh", "days", "based", "live", "living", "floor", "hires"),
)  # fmt: skip

# "remote within the US", "must be based in Canada or Mexico", "open to candidates in the UK"
RESTRICTION = re.compile(
    r"(?i:\b(?:remote|remotely|candidates?|applicants?|hires?|based|located|reside|residing|resident|live|living|anywhere|"
    r"authori[sz]ed to work|eligible to work|work from)\b[^.;\n]{0,30}?\b(?:in|within|from)\s+(?:the\s+)?)"
    r"(?P<place>[A-Z][^.;:\n]{0,80})"
)
# The place list ends at the first word that is neither capitalised nor a joiner ("US or Canada only").
PLACE_WORD = re.compile(r"[A-Z][\w.]*|or|and|the|&|/|,|\(|\)|-")
PLACE_IN_BRACKETS = re.compile(r"(?i:\bremote)\s*\((?P<place>[A-Z][^()\n]{1,60})\)")
# "Remote - USA", "Remote-US", "Remote, UK", "Remote Employee, US" (a board's location line)
REMOTE_DASH = re.compile(
    r"(?i:\bremote(?: employee)?)\s*(?:[-–:,]|\bin\b)\s*(?P<place>[A-Z][\w.]*(?:[ ,/&-]+[A-Z][\w.]*){0,3})"
)
# "United States (remote)", "USA - NJ (Remote)", "South Africa, Remote", "Spain (Remote)"
PLACE_THEN_REMOTE = re.compile(
    r"(?P<place>[A-Z][\w.]*(?:[ ,-]+[A-Z][\w.]*){0,3})\s*(?:[-–,(]\s*)(?i:remote)\b"
)
# "U.S. citizens only", "must hold U.S. citizenship", "active security clearance" (a US one)
US_ONLY = re.compile(r"\bU\.?S\.? citizen(?:s|ship)?\b|\bsecurity clearance\b", re.I)
ONLY = re.compile(
    r"\b(?P<place>U\.?S\.?A?\.?|UK|EU|Canada|[A-Z][a-z]+)[- ](?:only|based)\b(?! (?:company|team|startup|firm|business))"
)


def remote_countries_in(text: str) -> list[str]:
    """ISO codes of the countries a remote hire must live in, as the text restricts them."""
    found: list[str] = ["US"] if US_ONLY.search(text) else []
    for pattern in (RESTRICTION, ONLY, PLACE_IN_BRACKETS, REMOTE_DASH, PLACE_THEN_REMOTE):
        for match in pattern.finditer(text):
            place = match.group("place")
            if pattern in (RESTRICTION, REMOTE_DASH, PLACE_THEN_REMOTE):
                place = place_list(place)
            if pattern is REMOTE_DASH:
                place = leading_place(place)
            for code in geo.parse_locations(place).countries if place else ():
                if code not in found:
                    found.append(code)
    return found


def leading_place(text: str) -> str:
    """The longest run of leading words that names a place: "US" of "US Airtable is"."""
    words = text.split()
    for size in range(min(4, len(words)), 0, -1):
        candidate = " ".join(words[:size]).rstrip(",;")
        if geo.parse_locations(candidate).countries:
            return candidate
    return ""


def place_list(text: str) -> str:
    """The leading run of place names and joiners: "US or Canada" of "US or Canada only"; nothing
    for "US time zones" (a time zone is not a country)."""
    kept = []
    for word in re.findall(r"[\w.]+|[^\w\s]", text):
        if not PLACE_WORD.fullmatch(word):
            if word.lower() in {"time", "timezone", "timezones"}:
                return ""
            break
        kept.append(word)
    return " ".join(kept).replace(" ,", ",")


def _evidence(pattern: re.Pattern | Patterns, text: str, lower: str | None = None) -> str | None:
    match = pattern.search(text, lower) if isinstance(pattern, Patterns) else pattern.search(text)
    if not match:
        return None
    start, end = max(0, match.start() - 40), min(len(text), match.end() + 40)
    return text[start:end].replace("\n", " ").strip()


def classify(
    text: str, location: str = "", structured: str | None = None, remote_board: bool = False
) -> tuple[str, str | None]:
    """(status, evidence) for one posting. The patterns are tried lazily, strongest first: most
    postings are settled before the slowest ones (hybrid day counts) run."""
    lower = text.lower()
    negated = _evidence(NEGATED_REMOTE, text) if "remote" in lower else None
    cleaned = NEGATED_REMOTE.sub(" ", text) if negated else text
    # each pattern group reads the lower-cased text: lower-case it once, not once per group
    cleaned_lower = cleaned.lower() if negated else lower
    remote_option = _evidence(REMOTE_OPTION, cleaned, cleaned_lower)
    onsite_strong = negated or _evidence(ONSITE_STRONG, text, lower)
    if remote_option and not onsite_strong:
        return REMOTE, remote_option
    hybrid = _evidence(HYBRID_TEXT, cleaned, cleaned_lower) or _evidence(LOCATION_HYBRID, location)
    if onsite_strong and not hybrid:
        return ONSITE, onsite_strong
    if hybrid:
        return HYBRID, hybrid
    if structured in (REMOTE, HYBRID, ONSITE):
        return structured, f"structured workplace type: {structured}"
    if LOCATION_REMOTE.search(location or ""):
        return REMOTE, f"location: {location}"
    if LOCATION_ONSITE.search(location or ""):
        return ONSITE, f"location: {location}"
    weak_remote = _evidence(REMOTE_WEAK, cleaned, cleaned_lower)
    if weak_remote:
        return REMOTE, weak_remote
    weak_onsite = _evidence(ONSITE_WEAK, text, lower)
    if weak_onsite:
        return ONSITE, weak_onsite
    if remote_board:
        return REMOTE, "remote-only board"
    return UNKNOWN, None


@Language.factory("jobmarket_remote_status_v2")
def make_remote_status(nlp: Language, name: str):
    def remote_status(doc: Doc) -> Doc:
        ext = doc._
        posting = ext.posting or {}
        scan = ext.scan
        cued = scan.cued_text("remote")
        status, evidence = classify(
            cued,
            location=posting.get("location") or "",
            structured=posting.get("workplace_type"),
            remote_board=bool(posting.get("remote_board")),
        )
        ext.result["remote_status"] = status
        ext.result["remote_evidence"] = evidence
        ext.result["remote_text_countries"] = remote_countries_in(cued) if status == REMOTE else []
        return doc

    return remote_status
