"""HTML (possibly escaped once more, as Greenhouse sends it) to plain text with line structure.

Block elements and list items become line breaks, so that section headings stay on lines of
their own: the requirement level of a skill depends on the section it stands in."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "tr", "table", "section", "article", "header", "footer", "blockquote", "hr", "dt", "dd",
}  # fmt: skip
SKIP_TAGS = {"script", "style", "noscript", "template"}
SPACES = re.compile(r"[ \t\u00a0\u200b]+")
BLANK_LINES = re.compile(r"\n\s*\n\s*\n+")


class _TextCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in SKIP_TAGS:
            self.skipping += 1
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in SKIP_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


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
        collector = _TextCollector()
        collector.feed(markup)
        collector.close()
        text = "".join(collector.parts)
    lines = [SPACES.sub(" ", line).strip() for line in text.replace("\r", "\n").split("\n")]
    text = "\n".join(lines)
    return BLANK_LINES.sub("\n\n", text).strip()
