"""``jobmarket report --html OUT.html``: the headline figures as one static page with PNG plots,
for readers who do not run notebooks. The plots are embedded, so the file stands alone."""

from __future__ import annotations

import base64
import html
import io
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import matplotlib.pyplot as plt

from warehouse import figures
from warehouse.report import market_report

SECTIONS = {
    "ai_share": "AI share of tech postings",
    "remote_share": "Remote and hybrid work in AI/ML roles",
    "country_growth": "YoY growth of AI-role postings by country",
    "salary_by_role": "Salary by role",
    "skills_by_role": "Skills by role, and the rising ones",
    "entry_barrier": "Entry barrier: experience and degree",
}


def png(fig) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110)
    plt.close(fig)
    return base64.b64encode(buffer.getvalue()).decode()


def write_html(con: duckdb.DuckDBPyConnection, out: Path, source: str) -> Path:
    where = figures.provenance(con, source)
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>jobmarket report</title>",
        "<style>body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;color:#222}"
        "img{max-width:100%;border:1px solid #ddd}.banner{background:#fff3cd;padding:.6em 1em;border:1px solid #e0c36a}"
        "pre{background:#f6f6f6;padding:1em;overflow-x:auto;font-size:12px}figcaption{font-size:12px;color:#555}</style>",
        "</head><body><h1>jobmarket: labour-market figures from job postings</h1>",
    ]
    if where.synthetic:
        parts.append("<p class='banner'><b>Synthetic demo data.</b> These figures illustrate the method; "
                     "they say nothing about the real market.</p>")  # fmt: skip
    parts.append(f"<p>{html.escape(where.caption())} Generated {datetime.now(UTC):%Y-%m-%d %H:%M} UTC.</p>")
    for key, title in SECTIONS.items():
        fig = figures.ALL[key](con, where)
        parts.append(f"<section id='{key}'><h2>{html.escape(title)}</h2><figure>"
                     f"<img alt='{html.escape(title)}' src='data:image/png;base64,{png(fig)}'></figure></section>")  # fmt: skip
    parts.append("<section id='tables'><h2>The figures with their n</h2><pre>"
                 f"{html.escape(market_report(con, synthetic=where.synthetic))}</pre></section>")  # fmt: skip
    parts.append("<p>Job boards are not a random sample of the labour market; read every share with its n "
                 "and its interval. Method: warehouse/README.md.</p></body></html>")  # fmt: skip
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(parts), encoding="utf-8")
    return out
