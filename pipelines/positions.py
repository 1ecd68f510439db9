"""The positions a posting advertises: its title, or, where the title is a header line (Hacker News
"Company | Place | ONSITE") or a list, the positions its header and text name.

A board's posting has one position, its title. A Hacker News comment has a header, usually
``Company | Role | Place | ...`` (any order, often with no role at all), and a text that may
name several positions ("We are looking for a C++ engineer", "* Senior Backend Engineer: ...").
The first position advertised is the primary one (LABELS.md: ``title_primary`` and ``role``);
``roles`` are the classes of all of them.

A position is a short phrase that ends in a job noun ("engineer", "developer", "designer",
"scientist", "manager", ...), read where postings put positions: the header's segments, list
items and short lines, and after hiring verbs ("looking for", "hiring", "seeking").
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipelines.scan import register_cues

JOB_NOUNS = (
    "engineer", "developer", "dev", "programmer", "coder", "scientist", "researcher", "designer", "architect",
    "analyst", "administrator", "admin", "manager", "director", "lead", "intern", "co-?founder", "founder", "cto",
    "cio", "ciso", "vp", "specialist", "consultant", "technician", "tester", "writer", "editor", "marketer",
    "recruiter", "representative", "rep", "associate", "coordinator", "strategist", "officer", "accountant",
    "counsel", "attorney", "lawyer", "nurse", "teacher", "instructor", "producer", "artist", "animator", "hacker",
    "evangelist", "advocate", "sre", "devops", "executive", "assistant", "operator", "owner", "master", "trainer",
    "tutor", "annotator", "rater", "label+er", "generalist", "ninja", "rockstar", "wizard", "guru", "agent",
    "salesperson", "mathematician", "statistician", "physicist", "economist", "actuary", "illustrator",
    "copywriter", "photographer", "technologist", "interviewer", "co-?op", "apprentice", "trainee", "modeler",
    "modeller", "planner", "buyer", "dba",
)  # fmt: skip
JOB_NOUN = "(?:" + "|".join(JOB_NOUNS) + r")(?:e?s)?"
# "Head of Data", "VP Engineering", "Director, Product": the job noun comes first, its field after it
LEADING_NOUNS = {"head", "vp", "director", "directors", "chief", "heads"}
JOB_WORD = re.compile(rf"\b{JOB_NOUN}\b", re.I)
# Words that never start or stand inside a position title: a title is a noun phrase.
STOP = {
    "a", "an", "the", "we", "our", "are", "is", "to", "and", "or", "for", "of", "with", "who", "you",
    "your", "in", "on", "at", "as", "be", "will", "that", "this", "these", "those", "us", "all", "any",
    "some", "more", "most", "several", "multiple", "many", "few", "one", "two", "three", "four", "five",
    "great", "talented", "experienced", "passionate", "smart", "strong", "awesome", "amazing", "brilliant",
    "good", "top", "new", "additional", "exceptional", "motivated", "driven", "curious", "skilled",
    "hiring", "looking", "seeking", "need", "needs", "want", "wants", "join", "hire", "also",
    "time", "full-time", "fulltime", "part-time", "contract", "remote", "onsite", "on-site",
    "positions", "position", "roles", "role", "openings", "opening", "jobs", "job", "types", "levels",
    "level", "kinds", "people", "folks", "candidates", "if", "it", "its", "their", "from", "into", "like",
    "have", "has", "had", "build", "help", "work", "working", "other", "such", "out", "about", "by",
    "can", "do", "not", "no", "so", "up", "what", "which", "when", "where", "how", "why", "there",
    "both", "each", "every", "my", "me", "i", "he", "she", "they", "them",
}  # fmt: skip
# Only these lowercase words may lead into a title ("a senior backend engineer"); capitalised words
# and tech terms ("iOS", "C++", "Node.js") always may.
LOWER_MODIFIERS = {
    "senior", "sr", "sr.", "junior", "jr", "jr.", "lead", "staff", "principal", "head", "chief", "mid",
    "mid-level", "entry-level", "software", "backend", "back-end", "frontend", "front-end", "fullstack",
    "full-stack", "full", "stack", "web", "mobile", "data", "machine", "learning", "ml", "ai", "devops",
    "product", "ux", "ui", "ux/ui", "ui/ux", "graphic", "visual", "interaction", "qa", "test", "quality",
    "security", "systems", "system", "site", "reliability", "infrastructure", "platform", "cloud",
    "network", "database", "embedded", "firmware", "hardware", "electrical", "mechanical", "research",
    "applied", "computer", "vision", "deep", "nlp", "analytics", "business", "technical", "tech",
    "sales", "marketing", "support", "customer", "success", "account", "project", "program", "office",
    "operations", "community", "content", "growth", "engineering", "design", "solutions", "integration",
    "implementation", "android", "ios", "game", "games", "gameplay", "graphics", "rendering", "audio",
    "video", "search", "ranking", "big", "distributed", "scala", "java", "python", "ruby", "rails",
    "javascript", "js", "php", "golang", "go", "react", "node", "c++", "c#", ".net", "ops", "linux",
    "unix", "windows", "api", "apis", "generalist", "founding", "first", "it", "hr",
    "people", "talent", "recruiting", "finance", "financial", "legal", "executive", "administrative",
    "creative", "art", "copy", "social", "media", "inside", "field", "clinical", "medical", "general",
    "robotics", "perception", "autonomy", "simulation", "compiler", "kernel", "performance", "build",
    "release", "tools", "tooling", "automation", "scientific", "quantitative", "quant", "algorithm",
    "algorithms", "optimization", "production", "mathematical", "statistical", "dev", "developer",
    "relations", "evangelist", "advocate", "associate", "assistant", "deputy", "vp",
    "intern", "co-op", "coop", "part", "freelance", "contract",
}  # fmt: skip
TITLE_WORD = r"[\w+#./&'’-]+"
HIRING = re.compile(
    r"\b(?:looking for|hiring(?: for)?|seeking|searching for|in search of|need|needs|want|wants|recruiting|"
    r"to hire|join (?:us|our team) as|looking to hire|open (?:positions?|roles?)(?: for)?|"
    r"positions? (?:for|as)|openings? (?:for|as)|opening:|openings:|positions?:|roles?:|as an?)\s+"
)  # matched against the lower-cased line: re.I forgoes the engine's literal search and costs twice
MAX_POSITIONS = 12
LINE_TITLE = re.compile(
    rf"^\W{{0,3}}(?:[A-Z][\w/&+ -]{{1,20}}\s[-–:]\s)?(?P<t>(?:{TITLE_WORD}\s+){{0,6}}?{JOB_NOUN}\b(?:\s+of)?)"
    r"(?=\s*(?:[:(\[–—-]|,|$|\b(?:at|in|for|with|who|to|that|based|wanted|needed)\b|/\s*[A-Z]))",
    re.I,
)
BRACKETED = re.compile(r"\s*[(\[][^)\]]*[)\]]")
LIST_SPLIT = re.compile(r"\s*(?:,|;|\+|\s&\s|\band\b|\bor\b|/(?=\s*[A-Z]))\s*")
SINGULAR = {"devs": "developer", "dev": "developer", "devops": "devops", "sales": "sales"}


def singular(word: str) -> str:
    lowered = word.lower()
    if lowered in SINGULAR:
        replacement = SINGULAR[lowered]
        if replacement == lowered:
            return word  # "DevOps", "Sales": no plural to undo
        return replacement.capitalize() if word[:1].isupper() else replacement
    if lowered.endswith(("ss", "us", "is")) or not lowered.endswith("s"):
        return word
    if lowered.endswith("ies"):
        return word[:-3] + ("Y" if word.isupper() else "y")
    if lowered.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    return word[:-1]


def _clean(word: str) -> str:
    return word.rstrip(",.:;!?\"'").lstrip("\"'")


@lru_cache(maxsize=65536)
def tidy(phrase: str, whole: bool = False) -> str | None:
    """A candidate phrase cut to its title: leading non-title words off, the job noun singular.
    ``whole``: the phrase must be a title from its first word (a line that starts with one)."""
    words = BRACKETED.sub(" ", phrase).replace("\u2019", "'").split()
    nouns = [i for i, w in enumerate(words) if JOB_WORD.fullmatch(_clean(w))]
    if not nouns:
        return None
    end = nouns[-1]
    if _clean(words[end]).lower() in LEADING_NOUNS:
        # "Head of Engineering", "VP Product": the field that follows, capitalised
        tail = end + 1
        if tail < len(words) and _clean(words[tail]).lower() == "of":
            tail += 1
        field = tail
        while field < len(words) and field < tail + 3 and _clean(words[field])[:1].isupper():
            field += 1
        if field > tail:
            end = field - 1
    start = nouns[0] if _clean(words[nouns[0]]).lower() in LEADING_NOUNS else nouns[-1]
    while start > 0:
        word = _clean(words[start - 1])
        lowered = word.lower()
        if (
            not word
            or lowered in STOP
            or word.isdigit()
            or (word == lowered and lowered not in LOWER_MODIFIERS and not re.search(r"[+#.\d]", word))
        ):
            break
        start -= 1
    if whole and start > 0:
        return None
    kept = [_clean(w) for w in words[start : end + 1]]
    noun_at = nouns[-1] - start
    if _clean(words[nouns[-1]]).lower() not in LEADING_NOUNS:
        kept[noun_at] = singular(kept[noun_at])
    title = " ".join(k for k in kept if k)
    return title if title.lower() not in STOP and len(title) > 1 else None


def split_items(segment: str, whole: bool = False) -> list[tuple[str, str]]:
    """(title, the words it was read from) of each position a segment names: the words, wider than
    the title ("Development Engineer Computer Vision", "Senior Autonomy Developer, Perception"), are
    what the role is classified from."""
    parts = [p for p in LIST_SPLIT.split(BRACKETED.sub(" ", segment)) if p and p.strip()]
    if len(parts) > 1 and sum(bool(JOB_WORD.search(p)) for p in parts) >= 2:
        return [(t, p.strip()) for p in parts if JOB_WORD.search(p) and (t := tidy(p, whole))]
    title = tidy(segment, whole)
    return [(title, segment.strip())] if title else []


def split_list(segment: str, whole: bool = False) -> list[str]:
    """ "Rails Engineers/Javascript Engineers/Data Scientists" -> each title; a list whose items
    share one job noun ("Front-end and iOS Engineers") keeps it as one title."""
    parts = [p for p in LIST_SPLIT.split(BRACKETED.sub(" ", segment)) if p and p.strip()]
    if len(parts) > 1 and sum(bool(JOB_WORD.search(p)) for p in parts) >= 2:
        return [t for p in parts if JOB_WORD.search(p) and (t := tidy(p, whole))]
    title = tidy(segment, whole)
    return [title] if title else []


def is_position(title: str | None) -> bool:
    """A title that names a job (not a company name or a whole header line)."""
    if not title or len(title) > 90 or re.search(r"\s\|\s|\|", title):
        return False
    return bool(JOB_WORD.search(title))


def line_position(line: str) -> str | None:
    """The position a line introduces ("* Senior Backend Engineer: build ...", "ML Engineers -
    TensorFlow"), or None."""
    stripped = line.strip()
    if not stripped or len(stripped) > 300:
        return None
    match = LINE_TITLE.match(stripped)
    if not match or len(match.group("t").split()) > 7:
        return None
    titles = split_list(match.group("t"), whole=True)
    return titles[0] if titles else None


def _spellings(noun: str) -> list[str]:
    """The words a JOB_NOUNS pattern stands for: "co-?founder" is "co-founder" and "cofounder"."""
    if noun.startswith("co-?"):
        return [f"co-{noun[4:]}", f"co{noun[4:]}"]
    if noun == "label+er":
        return ["labeler", "labeller"]
    return [noun]


NOUN_WORDS = frozenset(f"{w}{end}" for n in JOB_NOUNS for w in _spellings(n) for end in ("", "s", "es"))


# Only the lines that hold a job noun can name a position: the scan marks them.
register_cues("position", words=sorted(NOUN_WORDS))


def _noun_leads(line: str) -> bool:
    """Whether a job noun stands among the first words of a line (LINE_TITLE's only chance), by a
    set lookup: the expression itself costs far more on the prose lines it cannot match."""
    return any(word.strip(".,:;()[]*•-–/\"'").lower() in NOUN_WORDS for word in line.split(None, 10)[:10])


BULLETS = re.compile(r"(?:^|\s+)[*•·]\s+")
PHRASE_END = re.compile(r":\s|\s[-–—]\s")
HIRING_CUT = re.compile(r"[.;:!?(]|\s(?:who|to|that|with|for|in|at|based|is|are|and\s+(?:we|you))\s")
# every alternative of HIRING holds one of these: substring tests, far cheaper than an expression
HIRING_CUES = ("look", "hiring", "seek", "search", "need", "want", "recruit", "hire", "join", "open", "position",
               "role", "as a")  # fmt: skip


@lru_cache(maxsize=65536)
def _line_positions(line: str) -> tuple[tuple[int, tuple[str, str]], ...]:
    """(offset in the line, position) of what one line names; lines repeat across a thread."""
    found: list[tuple[int, tuple[str, str]]] = []
    stripped = line.strip()
    if len(stripped) <= 160 and _noun_leads(stripped):
        match = LINE_TITLE.match(stripped)
        if match and len(match.group("t").split()) <= 7:
            phrase = PHRASE_END.split(stripped, maxsplit=1)[0][:80]
            found += [(0, (title, phrase)) for title, _ in split_items(match.group("t"), whole=True)]
    lower = line.lower()
    if len(lower) != len(line):  # "İ" lower-cases to two characters: keep offsets aligned
        lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in line)
    if any(cue in lower for cue in HIRING_CUES):
        for match in HIRING.finditer(lower):
            cut = HIRING_CUT.split(line[match.end() : match.end() + 90], maxsplit=1)[0]
            if JOB_WORD.search(cut):
                found += [(match.start(), item) for item in split_items(cut)]
    return tuple(found)


def from_text(text: str, limit: int = 4000) -> list[tuple[str, str]]:
    """Positions the text names, in order: short title lines and list items, and the phrases after
    hiring verbs. ``text`` may be the whole description or only its lines that hold a job noun."""
    found: list[tuple[int, tuple[str, str]]] = []
    offset = 0
    # inline bullet lists ("* Back-end Engineers * Data Engineers *") are lines of their own
    text = text[:limit]
    if "*" in text or "•" in text or "·" in text:
        text = BULLETS.sub("\n", text)
    for line in text.split("\n"):
        if line.strip():
            found += [(offset + at, item) for at, item in _line_positions(line)]
            if len(found) >= MAX_POSITIONS:
                break  # a comment that lists more is read for its first ones (the primary among them)
        offset += len(line) + 1
    found.sort(key=lambda pair: pair[0])
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for _, item in found:
        if item[0].lower() not in seen:
            seen.add(item[0].lower())
            out.append(item)
    return out


# Header separators, strongest first: most Hacker News headers use "|"; others "•", "*", dashes
# or ";". A dash inside a segment ("Backend Developer - PHP") separates only when nothing stronger does.
SEPARATORS = (
    re.compile(r"\s*\|\|?\s*"),
    re.compile(r"\s+[•·◆◎]\s+|\s*[•·]\s*"),
    re.compile(r"\s+\*\s+"),
    re.compile(r"\s+[–—]\s+|\s+-{1,2}\s+"),
    re.compile(r";\s*"),
)
NOT_TITLE_WORDS = re.compile(
    r"\b(?:remote|onsite|on-site|on site|hybrid|in[- ]office|full[- ]?time|part[- ]?time|contract|visa|"
    r"relocation|interns?(?:hips?)?|ft|pt)\b",
    re.I,
)


def header_parts(line: str) -> list[str]:
    """The segments of a header line ``Company | Role | Place | ...``."""
    for separator in SEPARATORS:
        parts = [p.strip() for p in separator.split(line) if p.strip()]
        if len(parts) > 1:
            return parts
    return [line.strip()] if line.strip() else []


WORKPLACE_SEGMENT = re.compile(r"\b(?:remote|onsite|on-site|on site|hybrid|in[- ]office|local)\b", re.I)


def from_header(line: str) -> list[tuple[str, str]]:
    """Positions named in a header's segments (not the first: the employer). The tags of a
    "Who is hiring?" header ("REMOTE", "INTERNS", "VISA", "Full-time") say who may apply, not
    what the position is; a segment about the work mode ("Remote OK for DevOps roles") is no title."""
    out: list[tuple[str, str]] = []
    for part in header_parts(line)[1:]:
        if WORKPLACE_SEGMENT.search(part):
            continue
        cleaned = " ".join(NOT_TITLE_WORDS.sub(" ", BRACKETED.sub(" ", part)).split())
        if JOB_WORD.search(cleaned):
            out += split_items(cleaned)
    return out


# Positions that say little on their own: listed after any named one ("INTERN yes" in a text).
GENERIC = {"intern", "hacker", "hire", "leader"}


def positions(
    title: str | None, description: str, header_title: bool, position_lines: str | None = None
) -> list[tuple[str, str]]:
    """(title, the words it was read from) of each position of a posting, primary first.
    ``header_title``: the title was read from the text's own first line (a Hacker News header),
    so it is one candidate among the text's."""
    if title and not header_title:
        return [(title.strip(), title.strip())]
    out: list[tuple[str, str]] = []
    if title and is_position(title):
        out += split_items(title)
    first_line = description.split("\n", 1)[0]
    text_lines = description if position_lines is None else position_lines
    for found in [*from_header(first_line), *from_text(text_lines)]:
        if found[0].lower() not in {t.lower() for t, _ in out}:
            out.append(found)
    out.sort(key=lambda item: item[0].lower() in GENERIC)
    return out or ([(title.strip(), title.strip())] if title else [])
