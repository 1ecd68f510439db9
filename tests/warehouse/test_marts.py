"""Each mart on a tiny hand-made core, against numbers computed by hand."""

import math

import pytest

from warehouse import MARTS, loader, sql_file

POSTINGS_DDL = """
create table postings (
    posting_id varchar, title varchar, company varchar, date_posted timestamptz, first_seen_at timestamptz,
    countries varchar[], role varchar, is_tech boolean, ai_involvement varchar, remote_status varchar,
    salary_annual_usd_min double, salary_annual_usd_max double, cities varchar[]
);
create table posting_sources (posting_id varchar, source varchar, source_id varchar);
create table posting_skills (
    posting_id varchar, skill_id varchar, skill_name varchar, category varchar, is_ai boolean,
    requirement varchar, matched_text varchar
);
"""


def add(con, pid, month, countries, role, ai="none", remote="unknown", salary=None, is_tech=None, cities=(),
        sources=("greenhouse",)):  # fmt: skip
    is_tech = role != "non_tech" if is_tech is None else is_tech
    con.execute(
        "insert into postings values (?, 't', 'c', ?::timestamptz, ?::timestamptz, ?, ?, ?, ?, ?, ?, ?, ?)",
        [pid, f"{month}-15", f"{month}-15", countries, role, is_tech, ai, remote,
         salary[0] if salary else None, salary[1] if salary else None, list(cities)],
    )  # fmt: skip
    for source in sources:
        con.execute("insert into posting_sources values (?, ?, ?)", [pid, source, pid])


@pytest.fixture
def con():
    con = loader.connect(":memory:")
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
        "from country_growth where country = 'KE' and is_latest"
    ).fetchone()
    assert row[:4] == ("2026-06", 40, 20, 1.0)
    se = math.sqrt(1 / 40 + 1 / 20)
    assert row[4] == pytest.approx(math.exp(math.log(2) - 1.96 * se) - 1)
    assert row[5] == pytest.approx(math.exp(math.log(2) + 1.96 * se) - 1)
    assert row[6] is False  # 20 < 30
    # month by month: the 12 months to 2026-03 hold the 20 of January, the 12 before the 20 of 2025-03
    march = con.execute(
        "select n_recent, n_prior, growth, window_complete, n_month, n_month_year_before, month_growth, "
        "month_growth_ci_low from country_growth where country = 'KE' and window_end_month = '2026-03'"
    ).fetchone()
    assert march == (20, 20, 0.0, True, 0, 20, -1.0, None)  # no interval from a zero count
    # one row per month of the span (2023-01 to 2026-06) for KE and for ALL
    assert con.execute("select count(*) from country_growth group by country").fetchall() == [(42,), (42,)]
    early = con.execute(
        "select window_complete, is_reportable from country_growth where country = 'ALL' and window_end_month = '2024-11'"
    ).fetchone()
    assert early == (False, False)  # its prior window would begin before the data do


def test_skill_trends_zero_filled_with_year_before(con):
    for i in range(4):
        add(con, f"a{i}", "2025-01", ["US"], "ml_engineer")
    for i in range(5):
        add(con, f"b{i}", "2026-01", ["US"], "ml_engineer")
    add(con, "n", "2026-01", ["US"], "non_tech")  # not tech: neither numerator nor denominator
    for pid, skill, level in [("a0", "rag", "required"), ("b0", "rag", "required"), ("b1", "rag", "preferred"),
                              ("b2", "rag", "required"), ("b3", "python", "mentioned"), ("n", "rag", "required")]:  # fmt: skip
        con.execute(
            "insert into posting_skills values (?, ?, ?, 'x', true, ?, ?)", [pid, skill, skill, level, skill]
        )
    build(con)
    rows = con.execute(
        "select posted_month, skill_id, n_tech_postings, n_postings, skill_share, required_share, "
        "skill_share_year_before from skill_trends order by posted_month, skill_id"
    ).fetchall()
    assert rows == [
        ("2025-01", "python", 4, 0, 0.0, 0.0, None),  # zero-filled month
        ("2025-01", "rag", 4, 1, 0.25, 0.25, None),
        ("2026-01", "python", 5, 1, 0.2, 0.0, 0.0),
        ("2026-01", "rag", 5, 3, 0.6, 0.4, 0.25),
    ]
    low, high = con.execute(
        "select skill_share_ci_low, skill_share_ci_high from skill_trends where posted_month = '2026-01' and skill_id = 'rag'"
    ).fetchone()
    # Wilson 95% for 3/5, by hand: centre (0.6 + z²/10) / (1 + z²/5), half-width z·sqrt(0.048 + z²/100) / (1 + z²/5)
    centre, half = (
        (0.6 + 1.96**2 / 10) / (1 + 1.96**2 / 5),
        1.96 * math.sqrt(0.048 + 1.96**2 / 100) / (1 + 1.96**2 / 5),
    )
    assert (low, high) == (pytest.approx(centre - half, abs=1e-12), pytest.approx(centre + half, abs=1e-12))
    assert (round(low, 4), round(high, 4)) == (0.2307, 0.8824)


def test_top_cities_share_of_all_ai_role_postings(con):
    add(con, "p1", "2026-01", ["KE"], "ml_engineer", cities=["Nairobi, KE"])
    add(con, "p2", "2026-01", ["KE", "GB"], "ml_engineer", cities=["Nairobi, KE", "London, GB"])
    add(con, "p3", "2024-01", ["GB"], "data_scientist", cities=["London, GB"])
    add(con, "p4", "2026-01", [], "llm_genai_engineer")  # no city: in the denominator only
    add(con, "p5", "2026-01", ["KE"], "other_tech", cities=["Nairobi, KE"])  # not an AI role
    build(con)
    rows = con.execute(
        "select period, city, country, n_postings, n_ai_role_postings, share, city_rank from top_cities"
    ).fetchall()
    assert rows == [
        ("all", "London, GB", "GB", 2, 4, 0.5, 1),
        ("all", "Nairobi, KE", "KE", 2, 4, 0.5, 2),
        ("last_12_months", "Nairobi, KE", "KE", 2, 3, 2 / 3, 1),
        ("last_12_months", "London, GB", "GB", 1, 3, 1 / 3, 2),
    ]


def test_coverage_counts_postings_per_source(con):
    add(con, "p1", "2026-01", ["DE"], "ml_engineer", sources=("greenhouse", "lever"))  # on two boards
    add(con, "p2", "2026-01", ["DE", "FR"], "other_tech", sources=("greenhouse",))
    add(con, "p3", "2026-02", [], "non_tech", sources=("lever",))
    build(con)

    def cell(source, month, country):
        return con.execute(
            "select n_postings, n_records, n_tech_postings, n_ai_role_postings from coverage "
            "where source = ? and posted_month = ? and country = ?",
            [source, month, country],
        ).fetchone()

    assert cell("greenhouse", "2026-01", "DE") == (2, 2, 2, 1)
    assert cell("greenhouse", "all", "ALL") == (2, 2, 2, 1)
    assert cell("lever", "2026-02", "UNKNOWN") == (1, 1, 0, 0)
    assert cell("all", "all", "ALL") == (3, 4, 2, 1)  # p1 once as a posting, twice as a record
    assert cell("all", "2026-01", "FR") == (1, 1, 1, 0)


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


def test_slice_report_binds_the_chosen_country_role_and_months(con):
    from warehouse.params import Slice
    from warehouse.report import slice_report

    for i, month in enumerate(["2025-12", "2026-01", "2026-01", "2026-02"]):
        add(con, f"k{i}", month, ["KE"], "ml_engineer", ai="required", remote="remote" if i % 2 else "hybrid")
    add(con, "u", "2026-01", ["US"], "ml_engineer", ai="required")
    con.execute("insert into posting_skills values ('k1', 'rag', 'RAG', 'x', true, 'required', 'RAG')")
    build(con)
    text = slice_report(con, Slice.parse("ke", "ml_engineer", "2026-01", "2026-01"))
    ai_rows = [line for line in text.splitlines() if line.startswith("2026-")]
    # one month chosen: one row in each month-by-month table, Kenya's 2 postings (not the US one)
    assert len(ai_rows) == 3 and ai_rows[0].split()[:3] == ["2026-01", "2", "100.0%"]
    assert "2025-12" not in text and "2026-02" not in text
    assert "1     RAG" in text


@pytest.mark.parametrize(
    "args",
    [("KE' or 1=1 --", None, None, None), ("XX", None, None, None), (None, "chef", None, None),
     (None, None, "2026-13", None), (None, None, "2026-05", "2026-01"), (None, None, "26-01", None)],
)  # fmt: skip
def test_bad_slice_values_are_refused_before_any_sql(args):
    from warehouse.params import BadParameter, Slice

    with pytest.raises(BadParameter):
        Slice.parse(*args)
