"""HTML (possibly escaped once more, as Greenhouse sends it) to plain text with line structure.

Block elements and list items become line breaks, so that section headings stay on lines of
their own: the requirement level of a skill depends on the section it stands in."""

from __future__ import annotations

import html
import re

BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "tr", "table", "section", "article", "header", "footer", "blockquote", "hr", "dt", "dd",
}  # fmt: skip
# Runs of blanks become one space: the odd blanks are replaced as strings first, since a character
# class matched at every space of a text cost more than the rest of the conversion together.
ODD_BLANKS = ("\t", "\u00a0", "\u200b")
SPACE_RUN = re.compile(r"  +")
BLANK_LINES = re.compile(r"\n\s*\n\s*\n+")


# Tags are replaced by three regular expressions in C rather than an HTMLParser (pure Python,
# which cost more than the whole extraction that follows it) or a callback per tag.
ATTRS = r"(?:\"[^\"]*\"|'[^']*'|[^'\">])*"
LIST_ITEM = re.compile(rf"<li\b{ATTRS}>", re.I)
BLOCK = re.compile(rf"</?(?:{'|'.join(sorted(BLOCK_TAGS))})\b{ATTRS}>", re.I)
OTHER_TAG = re.compile(rf"<!--.*?-->|</?[a-zA-Z][a-zA-Z0-9]*{ATTRS}>", re.S)
SKIPPED_NAMES = ("script", "style", "noscript", "template")
SKIPPED_OPEN = re.compile(rf"<({'|'.join(SKIPPED_NAMES)})\b", re.I)
SKIPPED_CLOSE = {name: re.compile(rf"</{name}\s*>", re.I) for name in SKIPPED_NAMES}


def drop_skipped(markup: str) -> str:
    """``markup`` without its script, style, noscript and template elements. An element never
    closed keeps its text (its tag goes with the others). One expression with a lazy ``.*?``
    did this in time quadratic in the text: each unclosed ``<script>`` scanned to the end again
    (2.2 s for a 200,000-character comment with 1,456 of them); here a tag that found no close
    is not looked for again."""
    found = SKIPPED_OPEN.search(markup)
    if not found:
        return markup
    parts, at, unclosed = [], 0, set()
    while found:
        name = found[1].lower()
        close = None if name in unclosed else SKIPPED_CLOSE[name].search(markup, found.end())
        if close is None:
            unclosed.add(name)
            found = SKIPPED_OPEN.search(markup, found.end())
            continue
        parts.append(markup[at : found.start()])
        at = close.end()
        found = SKIPPED_OPEN.search(markup, at)
    parts.append(markup[at:])
    return "".join(parts)


def strip_tags(markup: str) -> str:
    markup = drop_skipped(markup)
    markup = LIST_ITEM.sub("\n- ", markup)
    markup = BLOCK.sub("\n", markup)
    return OTHER_TAG.sub("", markup)


def looks_escaped(markup: str) -> bool:
    return "&lt;" in markup and "<" not in markup.replace("&lt;", "")


def squeeze_blanks(text: str) -> str:
    for blank in ODD_BLANKS:
        if blank in text:
            text = text.replace(blank, " ")
    return SPACE_RUN.sub(" ", text) if "  " in text else text


def html_to_text(markup: str | None) -> str:
    if not markup:
        return ""
    if looks_escaped(markup):
        markup = html.unescape(markup)
    text = html.unescape(strip_tags(markup) if "<" in markup else markup)
    text = squeeze_blanks(text.replace("\r", "\n"))
    text = "\n".join(line.strip() for line in text.split("\n"))
    return BLANK_LINES.sub("\n\n", text).strip()
