"""One pass over a posting's text that every field reads: skills and the cue words of each field.

A single Aho-Corasick automaton (pyahocorasick, in C) holds every surface form of the skills
taxonomy and the cue words of the other fields ("remote", "hybrid", currency symbols, "years",
"degree", ...). It runs once over the lower-cased text. Skills come out as candidate spans for
the context rules; cues mark the lines a field's own rules need to read, so that no field
re-scans the whole posting with its regular expressions: the remote rules read the lines that
mention remote, office or home, the salary rules the lines with a currency, and so on.

The text is lower-cased and scanned once, in C; the Python that follows only touches the hits
and the few lines they stand in (speed against spaCy's tokenizer: benchmarks/extract_throughput.py
and the README).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import ahocorasick

from pipelines.skills import Skill

# Cue words per field. A cue marked as a word must stand on word boundaries ("usd", not the
# "rs" inside "years"); the others may sit inside a word ("year" in "years", "ethic" in
# "ethical").
CUES: dict[str, tuple[tuple[str, bool], ...]] = {}


def register_cues(kind: str, substrings: Iterable[str] = (), words: Iterable[str] = ()) -> None:
    """Each field's module declares the cues its rules need, next to the rules themselves."""
    CUES[kind] = tuple((s.lower(), False) for s in substrings) + tuple((w.lower(), True) for w in words)


@dataclass(frozen=True)
class Form:
    """One lower-cased surface form of one skill."""

    skill: Skill
    written: tuple[str, ...]  # the form(s) as the taxonomy writes them, for the case rules
    alnum_start: bool
    alnum_end: bool


@dataclass
class Scan:
    text: str
    lower: str
    title_end: int
    line_starts: list[int]
    lines: list[str]
    skills: list[tuple[int, int, Form]] = field(default_factory=list)
    cue_lines: dict[str, list[int]] = field(default_factory=dict)

    def line_index(self, char: int) -> int:
        return bisect.bisect_right(self.line_starts, char) - 1

    def cued_text(self, kind: str, body_only: bool = False, limit: int | None = None) -> str:
        """The lines that hold a cue of ``kind``, in order, one per line; only the description
        (not the title) with ``body_only``; only lines starting before ``limit``."""
        out = []
        for index in self.cue_lines.get(kind, ()):
            start = self.line_starts[index]
            if body_only and start < self.title_end:
                continue
            if limit is not None and start >= self.title_end + limit:
                break
            out.append(self.lines[index])
        return "\n".join(out)


def _lower_same_length(text: str) -> str:
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    # A few characters lower-case to two ("İ" to "i̇"); keep offsets aligned with the text.
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def inflect(form: str) -> str | None:
    """The other number of a form of two or more words whose last word is plain letters and five
    or more long. One-word forms are left alone: their other number is often a verb ("prototype"
    beside "prototypes", "excels" beside "Excel")."""
    if " " not in form:
        return None
    last = form.rsplit(" ", 1)[-1]
    if not last.isalpha() or len(last) < 5:
        return None
    if last.lower().endswith("s"):
        if last.lower().endswith(("ss", "us", "is", "ics", "ses")):
            return None
        return form[:-1]
    return form + "s"


class Scanner:
    def __init__(self, skills: dict[str, Skill], cues: dict[str, tuple[tuple[str, bool], ...]] | None = None):
        cues = CUES if cues is None else cues
        entries: dict[str, list] = {}
        for skill in skills.values():
            for lower, forms in skill.written_forms.items():
                slot = entries.setdefault(lower, [None, []])
                if slot[0] is not None and slot[0].skill.skill_id != skill.skill_id:
                    raise ValueError(
                        f"surface form {lower!r} belongs to {slot[0].skill.skill_id} and {skill.skill_id}"
                    )
                slot[0] = Form(skill, tuple(forms), lower[0].isalnum(), lower[-1].isalnum())
        # Singular and plural of each form ("voice assistant" for "voice assistants", "model
        # evaluations" for "model evaluation"), unless another skill already owns that spelling.
        for lower, slot in list(entries.items()):
            variant = inflect(lower)
            if variant and variant not in entries:
                form = slot[0]
                written_variants = tuple(inflect(w) or w for w in form.written)
                entries[variant] = [Form(form.skill, written_variants, form.alnum_start, True), []]
        for kind, words in cues.items():
            for word, whole in words:
                entries.setdefault(word, [None, []])[1].append((kind, whole))
        # One-letter forms (R, C) would hit inside every word of the lower-cased text; they are
        # found instead, as written, by one small case-sensitive expression over the text.
        self.letters: dict[str, Form] = {}
        self.automaton = ahocorasick.Automaton()
        for key, (form, kinds) in entries.items():
            if len(key) == 1 and form is not None:
                for written in form.written:
                    self.letters[written] = form
                form = None
                if not kinds:
                    continue
            loose = tuple(kind for kind, whole in kinds if not whole)
            whole = tuple(kind for kind, whole in kinds if whole)
            self.automaton.add_word(key, (len(key), form, loose, whole))
        self.automaton.make_automaton()
        self.kinds = tuple(cues)
        letters = "".join(sorted(re.escape(letter) for letter in self.letters))
        self.letter_re = re.compile(rf"(?<![^\W_])[{letters}](?![^\W_]|[+#$])") if letters else None

    def scan(self, text: str, title_end: int = 0) -> Scan:
        lower = _lower_same_length(text)
        lines = text.split("\n")
        starts = []
        offset = 0
        for line in lines:
            starts.append(offset)
            offset += len(line) + 1
        result = Scan(text, lower, title_end, starts, lines)
        size = len(lower)
        skills = result.skills
        cue_chars: dict[str, list[int]] = {kind: [] for kind in self.kinds}
        # The hot loop of the extractor: one iteration per automaton hit, so the cheap cases
        # (cues that may sit inside a word) go first and word boundaries are read only when needed.
        for end, (length, form, loose, whole) in self.automaton.iter(lower):
            start = end - length + 1
            for kind in loose:
                cue_chars[kind].append(start)
            if form is None and not whole:
                continue
            stop = end + 1
            before_ok = start == 0 or not lower[start - 1].isalnum()
            after_ok = stop == size or not (lower[stop].isalnum() or lower[stop] in "+#")
            if form is not None and (before_ok or not form.alnum_start) and (after_ok or not form.alnum_end):
                skills.append((start, stop, form))
            if whole and before_ok and after_ok:
                for kind in whole:
                    cue_chars[kind].append(start)
        if self.letter_re is not None:
            for match in self.letter_re.finditer(text):
                skills.append((match.start(), match.end(), self.letters[match.group()]))
        for kind, chars in cue_chars.items():
            if chars:
                result.cue_lines[kind] = sorted({bisect.bisect_right(starts, c) - 1 for c in chars})
        return result
