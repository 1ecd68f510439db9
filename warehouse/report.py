"""The market report: the marts' headline figures as plain-text tables, each with its n."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import duckdb

from warehouse.params import Slice

AI_ROLE_ORDER = (
    "llm_genai_engineer", "ml_engineer", "mlops_engineer", "ai_research_scientist", "data_scientist",
    "ai_product_manager", "ai_data_annotator", "computer_vision_engineer",
)  # fmt: skip


def pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def interval(low: float | None, high: float | None) -> str:
    return "-" if low is None or high is None else f"[{100 * low:.1f}, {100 * high:.1f}]"


def money(value: float | None) -> str:
    return "-" if value is None else f"{value:,.0f}"


def text_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    cells = [[str(h) for h in headers]] + [["-" if c is None else str(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]

    def line(row: list[str]) -> str:
        # text left, figures right: the way a reader scans a column of numbers
        return "  ".join(
            c.ljust(w) if i == 0 or not any(ch.isdigit() for ch in c[:1] + c[-1:]) else c.rjust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ).rstrip()

    out = [line(cells[0]), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in cells[1:]] if rows else ["(no data)"]
    return "\n".join(out)


def ai_share_rows(con: duckdb.DuckDBPyConnection, top: int = 10) -> list[tuple]:
    return con.execute(
        """
        select country, n_tech_postings, ai_share, ai_share_ci_low, ai_share_ci_high,
               ai_required_share, ai_required_share_ci_low, ai_required_share_ci_high
        from ai_share
        where posted_month = 'all'
        order by country <> 'ALL', n_tech_postings desc, country
        limit ?
        """,
        [top + 1],
    ).fetchall()


def is_synthetic(con: duckdb.DuckDBPyConnection) -> bool:
    """The demo marks its warehouse (``warehouse_meta.synthetic``); every report and plot says so."""
    row = con.execute("select value from warehouse_meta where key = 'synthetic'").fetchone()
    return row is not None and row[0] == "true"


def market_report(con: duckdb.DuckDBPyConnection, synthetic: bool = False, top: int = 10) -> str:
    synthetic = synthetic or is_synthetic(con)
    parts: list[str] = []
    totals = con.execute(
        "select count(*), min(date_posted)::date, max(date_posted)::date, "
        "(select count(*) from posting_sources), (select count(distinct source) from posting_sources) from postings"
    ).fetchone()
    title = "jobmarket: market report"
    if synthetic:
        title += " (SYNTHETIC DEMO DATA: illustrates the method, says nothing about the real market)"
    parts.append(f"{title}\n{'=' * len(title)}")
    parts.append(
        f"{totals[0]:,} unique postings from {totals[3]:,} source records ({totals[4]} sources), "
        f"posted {totals[1]} to {totals[2]}. Intervals are 95% (Wilson for shares)."
    )

    rows = ai_share_rows(con, top)
    parts.append(
        "AI share of tech postings (AI required or preferred; required only)\n"
        + text_table(
            ["country", "n tech", "AI share", "95% CI", "required", "95% CI"],
            [
                (c, f"{n:,}", pct(s), interval(lo, hi), pct(r), interval(rlo, rhi))
                for c, n, s, lo, hi, r, rlo, rhi in rows
            ],
        )
    )

    rows = con.execute(
        """
        select role, n_known, n_unknown, remote_share, hybrid_share, remote_or_hybrid_share,
               remote_or_hybrid_share_ci_low, remote_or_hybrid_share_ci_high
        from remote_share
        where posted_month = 'all' and country = 'ALL'
        order by role <> 'all', n_known desc, role
        """
    ).fetchall()
    parts.append(
        "Remote and hybrid share of AI/ML roles (over postings whose status is known)\n"
        + text_table(
            ["role", "n known", "n unknown", "remote", "hybrid", "remote+hybrid", "95% CI"],
            [
                (r, f"{n:,}", f"{u:,}", pct(rm), pct(hy), pct(rh), interval(lo, hi))
                for r, n, u, rm, hy, rh, lo, hi in rows
            ],
        )
    )

    rows = con.execute(
        """
        select country, window_end_month, n_recent, n_prior, growth, growth_ci_low, growth_ci_high, is_reportable
        from country_growth
        where is_latest
        order by country <> 'ALL', n_recent + n_prior desc, country
        limit ?
        """,
        [top + 1],
    ).fetchall()
    end = rows[0][1] if rows else "-"
    parts.append(
        f"YoY growth of AI-role postings: the 12 months to {end} against the 12 before\n"
        + text_table(
            ["country", "n last 12m", "n prior 12m", "growth", "95% CI", "reportable"],
            [
                (c, f"{a:,}", f"{b:,}", pct(g), interval(lo, hi), "yes" if ok else "no (n < 30)")
                for c, _, a, b, g, lo, hi, ok in rows
            ],
        )
    )

    rows = con.execute(
        """
        select role, n_postings, annual_usd_p10, annual_usd_p25, annual_usd_median, annual_usd_p75, annual_usd_p90
        from salary_by_role
        where country = 'ALL'
        order by annual_usd_median desc
        """
    ).fetchall()
    parts.append(
        "Salary by role, USD per year (postings that publish pay; midpoint of each range)\n"
        + text_table(
            ["role", "n", "p10", "p25", "median", "p75", "p90"],
            [(r, f"{n:,}", *(money(v) for v in q)) for r, n, *q in rows],
        )
    )

    rows = con.execute(
        """
        select role, any_value(n_role_postings),
               string_agg(skill_name || ' ' || cast(round(100 * skill_share) as integer) || '%', ', '
                          order by skill_rank)
        from top_skills_by_role
        where skill_rank <= 5
        group by role
        order by list_position(?, role) nulls last, role
        """,
        [list(AI_ROLE_ORDER)],
    ).fetchall()
    parts.append(
        "Top skills by role (share of the role's postings naming the skill)\n"
        + text_table(["role", "n", "top 5 skills"], [(r, f"{n:,}", s) for r, n, s in rows])
    )
    parts.append(
        "Source coverage: job boards are not a random sample of the labour market; see warehouse/README.md."
    )
    return "\n\n".join(parts) + "\n"


def slice_report(con: duckdb.DuckDBPyConnection, chosen: Slice, synthetic: bool = False) -> str:
    """Month-by-month figures for one country and/or role. Every value the user chose is bound
    as a query parameter (and was checked by ``warehouse.params`` before)."""
    synthetic = synthetic or is_synthetic(con)
    country = chosen.country or "ALL"
    role = chosen.role or "all"
    lo, hi = chosen.months
    title = f"jobmarket: country {country}, role {role}, months {chosen.month_from or 'first'} to {chosen.month_to or 'last'}"
    if synthetic:
        title += " (SYNTHETIC DEMO DATA)"
    parts = [f"{title}\n{'=' * len(title)}"]

    rows = con.execute(
        """
        select posted_month, n_tech_postings, ai_share, ai_share_ci_low, ai_share_ci_high, ai_required_share
        from ai_share
        where country = ? and posted_month <> 'all' and posted_month between ? and ?
        order by posted_month
        """,
        [country, lo, hi],
    ).fetchall()
    parts.append(
        "AI share of tech postings by month\n"
        + text_table(
            ["month", "n tech", "AI share", "95% CI", "required"],
            [(m, f"{n:,}", pct(s), interval(a, b), pct(r)) for m, n, s, a, b, r in rows],
        )
    )

    rows = con.execute(
        """
        select posted_month, n_known, n_unknown, remote_share, hybrid_share, remote_or_hybrid_share,
               remote_or_hybrid_share_ci_low, remote_or_hybrid_share_ci_high
        from remote_share
        where country = ? and role = ? and posted_month <> 'all' and posted_month between ? and ?
        order by posted_month
        """,
        [country, role, lo, hi],
    ).fetchall()
    parts.append(
        f"Remote and hybrid share of AI/ML roles ({role}) by month\n"
        + text_table(
            ["month", "n known", "n unknown", "remote", "hybrid", "remote+hybrid", "95% CI"],
            [
                (m, f"{n:,}", f"{u:,}", pct(r), pct(h), pct(rh), interval(a, b))
                for m, n, u, r, h, rh, a, b in rows
            ],
        )
    )

    rows = con.execute(
        """
        select window_end_month, n_recent, n_prior, growth, growth_ci_low, growth_ci_high, is_reportable
        from country_growth
        where country = ? and window_end_month between ? and ?
        order by window_end_month
        """,
        [country, lo, hi],
    ).fetchall()
    parts.append(
        "YoY growth of AI-role postings: the 12 months to each month against the 12 before\n"
        + text_table(
            ["12 months to", "n last 12m", "n prior 12m", "growth", "95% CI", "reportable"],
            [
                (m, f"{a:,}", f"{b:,}", pct(g), interval(x, y), "yes" if ok else "no")
                for m, a, b, g, x, y, ok in rows
            ],
        )
    )
    if chosen.role:
        rows = con.execute(
            """
            select skill_rank, skill_name, n_postings, skill_share, required_share
            from top_skills_by_role where role = ? and skill_rank <= 15 order by skill_rank
            """,
            [role],
        ).fetchall()
        parts.append(
            f"Top skills of {role} (all months and countries)\n"
            + text_table(
                ["rank", "skill", "n", "share", "required"],
                [(k, s, f"{n:,}", pct(a), pct(r)) for k, s, n, a, r in rows],
            )
        )
    return "\n\n".join(parts) + "\n"
