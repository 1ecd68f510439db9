"""The headline figures as matplotlib plots, each with its uncertainty, its n and its provenance.

Used by the notebooks and by ``jobmarket report --html``; every function takes a read-only
connection to a (published) warehouse and returns a Figure. Every plot says where its data come
from and, for the demo, that they are synthetic."""

from __future__ import annotations

import sys
from dataclasses import dataclass

import duckdb
import matplotlib

if "ipykernel" not in sys.modules:
    matplotlib.use("Agg")  # files, not windows; a notebook keeps its inline backend
import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, PercentFormatter

from pipelines.role import AI_ROLES
from warehouse.report import is_synthetic


@dataclass(frozen=True)
class Provenance:
    source: str
    synthetic: bool
    data_to: str

    def caption(self) -> str:
        label = "SYNTHETIC DEMO DATA, illustrates the method only. " if self.synthetic else ""
        return f"{label}Source: jobmarket warehouse {self.source}, postings to {self.data_to}. 95% intervals."


def _gaps(values) -> list[float]:
    """A month with no figure (no posting of known work mode, say) is a gap in the line, not an error."""
    return [float("nan") if v is None else float(v) for v in values]


def provenance(con: duckdb.DuckDBPyConnection, source: str) -> Provenance:
    data_to = con.execute("select coalesce(max(date_posted)::date::varchar, '-') from postings").fetchone()[0]
    return Provenance(source=source, synthetic=is_synthetic(con), data_to=data_to)


def _finish(fig: Figure, where: Provenance, title: str) -> Figure:
    fig.suptitle(title + ("  [SYNTHETIC]" if where.synthetic else ""), fontsize=12)
    fig.text(0.01, 0.005, where.caption(), fontsize=7, color="#555555", ha="left", va="bottom")
    fig.tight_layout(rect=(0, 0.03, 1, 0.95))
    return fig


def ai_share_over_time(con, where: Provenance, countries: int = 3) -> Figure:
    top = [c for (c,) in con.execute(
        "select country from ai_share where posted_month = 'all' and country <> 'ALL' "
        "order by n_tech_postings desc, country limit ?", [countries]).fetchall()]  # fmt: skip
    fig, axes = plt.subplots(1, 2, figsize=(11, 4), sharey=True)
    for ax, required in zip(axes, (False, True), strict=True):
        col = "ai_required_share" if required else "ai_share"
        for country in ["ALL", *top]:
            rows = con.execute(
                f"select posted_month, {col}, {col}_ci_low, {col}_ci_high, n_tech_postings from ai_share "
                "where country = ? and posted_month <> 'all' order by posted_month", [country]).fetchall()  # fmt: skip
            if not rows:
                continue
            months, share, low, high, _ = zip(*rows, strict=True)
            share, low, high = _gaps(share), _gaps(low), _gaps(high)
            ax.plot(
                months,
                share,
                label=f"{country} (n={sum(r[4] for r in rows):,})",
                lw=2 if country == "ALL" else 1,
            )
            ax.fill_between(months, low, high, alpha=0.15)
        ax.set_title("AI required only" if required else "AI required or preferred")
        ax.set_ylim(0, 1)
        ax.set_ylabel("share of tech postings")
        ax.tick_params(axis="x", labelrotation=90, labelsize=6)
        ax.legend(fontsize=7)
    return _finish(fig, where, "AI share of tech postings, by month")


def remote_share_by_role(con, where: Provenance) -> Figure:
    rows = con.execute(
        "select role, n_known, n_unknown, remote_share, hybrid_share, 1 - remote_or_hybrid_share "
        "from remote_share where posted_month = 'all' and country = 'ALL' order by role = 'all' desc, n_known desc"
    ).fetchall()
    fig, (ax, trend) = plt.subplots(1, 2, figsize=(11, 4.5), gridspec_kw={"width_ratios": [3, 2]})
    labels = [f"{r[0]}\n(n={r[1]:,}, unknown {r[2]:,})" for r in rows]
    left = [0.0] * len(rows)
    for i, (name, color) in enumerate((("remote", "#1b9e77"), ("hybrid", "#7570b3"), ("onsite", "#d95f02"))):
        values = [r[3 + i] or 0 for r in rows]
        ax.barh(labels, values, left=left, color=color, label=name)
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.tick_params(axis="y", labelsize=7)
    ax.legend(fontsize=7, loc="lower right")
    ax.set_xlabel("share of AI/ML postings with a known status")
    series = con.execute(
        "select posted_month, remote_or_hybrid_share, remote_or_hybrid_share_ci_low, remote_or_hybrid_share_ci_high "
        "from remote_share where country = 'ALL' and role = 'all' and posted_month <> 'all' order by posted_month"
    ).fetchall()
    if series:
        months, share, low, high = zip(*series, strict=True)
        share, low, high = _gaps(share), _gaps(low), _gaps(high)
        trend.plot(months, share, color="#7570b3")
        trend.fill_between(months, low, high, alpha=0.2, color="#7570b3")
    trend.set_ylim(0, 1)
    trend.set_title("remote or hybrid, all AI/ML roles", fontsize=9)
    trend.tick_params(axis="x", labelrotation=90, labelsize=6)
    return _finish(fig, where, "Remote, hybrid and onsite shares of AI/ML roles")


def country_growth(con, where: Provenance, top: int = 15) -> Figure:
    rows = con.execute(
        "select country, window_end_month, n_recent, n_prior, growth, growth_ci_low, growth_ci_high, is_reportable "
        "from country_growth where is_latest and growth is not null order by country <> 'ALL', n_recent + n_prior desc limit ?",
        [top],
    ).fetchall()  # fmt: skip
    fig, ax = plt.subplots(figsize=(9, 0.35 * max(len(rows), 4) + 1.5))
    for i, (_country, _, _a, _b, g, lo, hi, ok) in enumerate(rows):
        ax.barh(i, g, color="#1f77b4" if ok else "#cccccc")
        ax.errorbar(g, i, xerr=[[g - lo], [hi - g]], color="#333333" if ok else "#aaaaaa", capsize=3, lw=1)
    # the counts behind each bar, and whether it may be quoted, in the axis labels
    ax.set_yticks(range(len(rows)), [f"{c}  {a:,} vs {b:,}{'' if ok else '  (not reportable)'}"
                                     for c, _, a, b, _g, _lo, _hi, ok in rows], fontsize=7)  # fmt: skip
    ax.invert_yaxis()
    ax.axvline(0, color="#000000", lw=0.5)
    ax.xaxis.set_major_formatter(PercentFormatter(1.0))
    reportable_high = [r[6] for r in rows if r[7]] or [r[6] for r in rows] or [1.0]
    ax.set_xlim(
        min(-0.5, min((r[5] for r in rows), default=0)), max(reportable_high) * 1.2
    )  # a tiny count's interval runs off
    ax.set_xlabel(f"YoY growth of AI-role postings, 12 months to {rows[0][1] if rows else '-'} vs the 12 before\n"
                  "grey: not reportable (a count under 30, or data shorter than 24 months)", fontsize=8)  # fmt: skip
    return _finish(fig, where, "YoY growth of AI-role postings by country")


def salary_by_role(con, where: Provenance) -> Figure:
    rows = con.execute(
        "select role, n_postings, annual_usd_p10, annual_usd_p25, annual_usd_median, annual_usd_p75, annual_usd_p90 "
        "from salary_by_role where country = 'ALL' order by annual_usd_median"
    ).fetchall()
    fig, ax = plt.subplots(figsize=(9, 0.4 * max(len(rows), 4) + 1.5))
    for i, (_, _, p10, p25, med, p75, p90) in enumerate(rows):
        ax.plot([p10, p90], [i, i], color="#555555", lw=1)
        ax.barh(i, p75 - p25, left=p25, height=0.5, color="#9ecae1", edgecolor="#3182bd")
        ax.plot([med, med], [i - 0.25, i + 0.25], color="#08519c", lw=2)
    ax.set_yticks(range(len(rows)), [f"{r[0]} (n={r[1]:,})" for r in rows], fontsize=8)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: f"${x / 1000:,.0f}k"))
    ax.set_xlabel("annual salary, USD (p10-p90 line, p25-p75 box, median)")
    return _finish(fig, where, "Salary by role, from postings that publish pay")


def skills_by_role(con, where: Provenance, skills: int = 20) -> Figure:
    top = [s for (s,) in con.execute(
        "select skill_name from top_skills_by_role where is_ai_role(role) group by skill_name "
        "order by sum(n_postings) desc, skill_name limit ?", [skills]).fetchall()]  # fmt: skip
    roles = [
        r
        for r in AI_ROLES
        if con.execute("select 1 from top_skills_by_role where role = ? limit 1", [r]).fetchone()
    ]
    grid = [[con.execute("select coalesce(max(skill_share), 0) from top_skills_by_role where role = ? and skill_name = ?",
                         [r, s]).fetchone()[0] for s in top] for r in roles]  # fmt: skip
    rising = con.execute(
        """
        with latest as (select max(posted_month) as m from skill_trends)
        select skill_name, skill_share - skill_share_year_before as change, n_tech_postings, n_tech_postings_year_before
        from skill_trends, latest
        where posted_month = latest.m and skill_share_year_before is not null and n_tech_postings >= 30
        order by change desc limit 10
        """
    ).fetchall()
    fig, (heat, up) = plt.subplots(1, 2, figsize=(13, 5), gridspec_kw={"width_ratios": [3, 1]})
    image = heat.imshow(grid, aspect="auto", cmap="Blues", vmin=0, vmax=1)
    heat.set_xticks(range(len(top)), top, rotation=90, fontsize=7)
    sizes = dict(
        con.execute(
            "select role, any_value(n_role_postings) from top_skills_by_role group by role"
        ).fetchall()
    )
    heat.set_yticks(range(len(roles)), [f"{r} (n={sizes.get(r, 0):,})" for r in roles], fontsize=7)
    fig.colorbar(image, ax=heat, label="share of the role's postings")
    up.barh([r[0] for r in rising], [100 * r[1] for r in rising], color="#31a354")
    up.invert_yaxis()
    up.tick_params(axis="y", labelsize=7)
    up.set_xlabel("points vs the same month a year before")
    up.set_title("rising skills (latest month)", fontsize=9)
    return _finish(fig, where, "Skills each AI/ML role asks for")


def entry_barrier(con, where: Provenance) -> Figure:
    rows = con.execute(
        """
        select role, count(*) as n, quantile_cont(min_years_experience, 0.5), quantile_cont(min_years_experience, 0.25),
               quantile_cont(min_years_experience, 0.75), count(min_years_experience),
               avg((degree = 'bachelor')::int), avg((degree = 'master')::int), avg((degree = 'phd')::int)
        from postings where role is not null group by role order by role
        """
    ).fetchall()
    fig, (years, degree) = plt.subplots(1, 2, figsize=(12, 4.5), sharey=True)
    labels = [f"{r[0]} (n={r[1]:,})" for r in rows]
    for i, r in enumerate(rows):
        if r[2] is not None:
            years.errorbar(r[2], i, xerr=[[r[2] - r[3]], [r[4] - r[2]]], fmt="o", color="#3182bd", capsize=3)
            years.text(r[4] + 0.2, i, f"{r[5]:,} state years", fontsize=6, va="center", color="#555555")
    years.set_yticks(range(len(rows)), labels, fontsize=7)
    years.invert_yaxis()
    years.set_xlabel("years of experience asked (median, IQR)")
    left = [0.0] * len(rows)
    for k, (name, color) in enumerate((("bachelor", "#c6dbef"), ("master", "#6baed6"), ("phd", "#08519c"))):
        values = [r[6 + k] or 0 for r in rows]
        degree.barh(range(len(rows)), values, left=left, color=color, label=name)
        left = [a + b for a, b in zip(left, values, strict=True)]
    degree.set_xlim(0, 1)
    degree.legend(fontsize=7)
    degree.set_xlabel("share of postings asking for the degree")
    return _finish(fig, where, "Entry barrier: experience and degree asked, by role")


ALL = {
    "ai_share": ai_share_over_time,
    "remote_share": remote_share_by_role,
    "country_growth": country_growth,
    "salary_by_role": salary_by_role,
    "skills_by_role": skills_by_role,
    "entry_barrier": entry_barrier,
}
