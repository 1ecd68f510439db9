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
SPACES = re.compile(r"[ \t\u00a0\u200b]+")
BLANK_LINES = re.compile(r"\n\s*\n\s*\n+")


# Tags are replaced by one regular expression rather than an HTMLParser: the parser is pure
# Python and cost more than the whole extraction that follows it.
TAG = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9]*)(?:\"[^\"]*\"|'[^']*'|[^'\">])*>", re.S)
SKIPPED = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>", re.S | re.I)


def _tag(match: re.Match) -> str:
    name = (match.group(2) or "").lower()
    if name == "li" and not match.group(1):
        return "\n- "
    return "\n" if name in BLOCK_TAGS else ""


def looks_escaped(markup: str) -> bool:
    return "&lt;" in markup and "<" not in markup.replace("&lt;", "")


def html_to_text(markup: str | None) -> str:
    if not markup:
        return ""
    if looks_escaped(markup):
        markup = html.unescape(markup)
    if "<" not in markup:
        text = html.unescape(markup)
    else:
        text = html.unescape(TAG.sub(_tag, SKIPPED.sub("", markup)))
    text = SPACES.sub(" ", text.replace("\r", "\n"))
    text = "\n".join(line.strip() for line in text.split("\n"))
    return BLANK_LINES.sub("\n\n", text).strip()
