"""Each mart on a tiny hand-made core, against numbers computed by hand."""

import math

import duckdb
import pytest

from warehouse import MARTS, sql_file

POSTINGS_DDL = """
create table postings (
    posting_id varchar, title varchar, company varchar, date_posted timestamptz, first_seen_at timestamptz,
    countries varchar[], role varchar, is_tech boolean, ai_involvement varchar, remote_status varchar,
    salary_annual_usd_min double, salary_annual_usd_max double
);
create table posting_skills (
    posting_id varchar, skill_id varchar, skill_name varchar, category varchar, is_ai boolean,
    requirement varchar, matched_text varchar
);
"""


def add(con, pid, month, countries, role, ai="none", remote="unknown", salary=None, is_tech=None):
    is_tech = role != "non_tech" if is_tech is None else is_tech
    con.execute(
        "insert into postings values (?, 't', 'c', ?::timestamptz, ?::timestamptz, ?, ?, ?, ?, ?, ?, ?)",
        [pid, f"{month}-15", f"{month}-15", countries, role, is_tech, ai, remote,
         salary[0] if salary else None, salary[1] if salary else None],
    )  # fmt: skip


@pytest.fixture
def con():
    con = duckdb.connect(":memory:")
    con.execute(sql_file("schema", "macros").read_text())
    con.execute(POSTINGS_DDL)
    return con


def build(con):
    for name in MARTS:
        con.execute(sql_file("marts", name).read_text())


def test_ai_share_with_wilson_interval(con):
    levels = ["required"] * 4 + ["preferred"] * 2 + ["mentioned", "none", "none", "none"]
    for i, level in enumerate(levels):
        add(con, f"p{i}", "2026-01", ["US", "GB"] if i == 0 else ["US"], "other_tech", ai=level)
    add(con, "x", "2026-01", ["US"], "non_tech", ai="required")  # not tech: not counted
    build(con)
    row = con.execute(
        "select n_tech_postings, n_ai, ai_share, ai_share_ci_low, ai_share_ci_high, n_ai_required, "
        "ai_required_share from ai_share where posted_month = '2026-01' and country = 'ALL'"
    ).fetchone()
    assert row[:3] == (10, 6, 0.6)
    # Wilson 95% for 6/10, by hand: (0.6 + z²/20 ± z·sqrt(0.024 + z²/400)) / (1 + z²/10), z = 1.96
    assert row[3] == pytest.approx(0.312669, abs=1e-6)
    assert row[4] == pytest.approx(0.831822, abs=1e-6)
    assert row[5:] == (4, 0.4)
    gb = con.execute(
        "select n_tech_postings, n_ai from ai_share where posted_month = 'all' and country = 'GB'"
    ).fetchone()
    assert gb == (1, 1)
    # the GB+US posting is counted once overall
    assert con.execute(
        "select n_tech_postings from ai_share where posted_month = 'all' and country = 'ALL'"
    ).fetchone() == (10,)


def test_wilson_bounds_stay_in_unit_interval(con):
    for i in range(5):
        add(con, f"p{i}", "2026-02", ["DE"], "ml_engineer", ai="required")
    build(con)
    low, high = con.execute(
        "select ai_share_ci_low, ai_share_ci_high from ai_share where posted_month = 'all' and country = 'ALL'"
    ).fetchone()
    assert high == 1.0 and low == pytest.approx(5 / (5 + 1.96**2), abs=1e-9)


def test_remote_share_over_known_status(con):
    statuses = ["remote"] * 3 + ["hybrid"] * 4 + ["onsite"] * 3 + ["unknown"] * 2
    for i, status in enumerate(statuses):
        add(con, f"p{i}", "2026-03", ["FR"], "data_scientist", remote=status)
    add(con, "sw", "2026-03", ["FR"], "other_tech", remote="remote")  # not an AI/ML role
    build(con)
    row = con.execute(
        "select n_known, n_unknown, remote_share, hybrid_share, remote_or_hybrid_share, "
        "remote_or_hybrid_share_ci_low from remote_share where posted_month = 'all' and country = 'ALL' and role = 'all'"
    ).fetchone()
    assert row[:5] == (10, 2, 0.3, 0.4, 0.7)
    assert row[5] == pytest.approx(0.396773, abs=1e-6)  # Wilson low for 7/10


def test_country_growth_log_ratio_interval(con):
    for i in range(40):
        add(con, f"r{i}", "2026-06" if i % 2 else "2026-01", ["KE"], "llm_genai_engineer")
    for i in range(20):
        add(con, f"q{i}", "2025-03", ["KE"], "llm_genai_engineer")
    add(con, "old", "2023-01", ["KE"], "llm_genai_engineer")  # outside both windows
    build(con)
    row = con.execute(
        "select window_end_month, n_recent, n_prior, growth, growth_ci_low, growth_ci_high, is_reportable "
        "from country_growth where country = 'KE'"
    ).fetchone()
    assert row[:4] == ("2026-06", 40, 20, 1.0)
    se = math.sqrt(1 / 40 + 1 / 20)
    assert row[4] == pytest.approx(math.exp(math.log(2) - 1.96 * se) - 1)
    assert row[5] == pytest.approx(math.exp(math.log(2) + 1.96 * se) - 1)
    assert row[6] is False  # 20 < 30


def test_salary_quantiles_by_role(con):
    for i, pay in enumerate([50_000, 60_000, 70_000, 80_000, 90_000]):
        add(con, f"p{i}", "2026-01", ["US"], "ml_engineer", salary=(pay - 10_000, pay + 10_000))
    build(con)
    rows = con.execute("select * from salary_by_role").fetchall()
    assert len(rows) == 1  # the US cell has n = 5 < 30: no country row
    role, country, n, p10, p25, median, p75, p90, _ = rows[0]
    assert (role, country, n) == ("ml_engineer", "ALL", 5)
    assert (p10, p25, median, p75, p90) == (54_000, 60_000, 70_000, 80_000, 86_000)


def test_top_skills_shares_and_rank(con):
    for i in range(4):
        add(con, f"p{i}", "2026-01", ["US"], "ml_engineer")
    for pid, skill, level in [("p0", "python", "required"), ("p1", "python", "preferred"), ("p2", "python", "required"),
                              ("p0", "pytorch", "required")]:  # fmt: skip
        con.execute(
            "insert into posting_skills values (?, ?, ?, 'x', false, ?, ?)", [pid, skill, skill, level, skill]
        )
    build(con)
    rows = con.execute(
        "select skill_id, n_postings, skill_share, required_share, skill_rank from top_skills_by_role order by skill_rank"
    ).fetchall()
    assert rows == [("python", 3, 0.75, 0.5, 1), ("pytorch", 1, 0.25, 0.25, 2)]


def test_report_prints_the_hand_computed_figures(con):
    from warehouse.report import market_report

    levels = ["required"] * 4 + ["preferred"] * 2 + ["none"] * 4
    for i, level in enumerate(levels):
        add(con, f"p{i}", "2026-01", ["US"], "ml_engineer" if i < 3 else "other_tech", ai=level,
            remote=["remote", "hybrid", "onsite"][i % 3] if i < 3 else "unknown")  # fmt: skip
    con.execute("create table posting_sources as select posting_id, 'greenhouse' as source from postings")
    build(con)
    report = market_report(con, synthetic=True)
    assert "SYNTHETIC DEMO DATA" in report
    ai_line = next(line for line in report.splitlines() if line.startswith("ALL ") and "60.0%" in line)
    assert "10" in ai_line and "[31.3, 83.2]" in ai_line and "40.0%" in ai_line
    remote_line = next(line for line in report.splitlines() if line.startswith("ml_engineer"))
    # 3 ML postings: one remote, one hybrid, one onsite
    assert "33.3%" in remote_line and "66.7%" in remote_line


def test_sql_ai_roles_match_the_extractor(con):
    from pipelines.role import AI_ROLES, ROLES

    in_sql = {r for r in ROLES if con.execute("select is_ai_role(?)", [r]).fetchone()[0]}
    assert in_sql == set(AI_ROLES)
