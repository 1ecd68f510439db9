"""The run's gates on crafted inputs: too much quarantined, headline figures that moved."""

from warehouse import quality
from warehouse.loader import connect


def test_quarantine_share_over_the_limit_fails_and_small_crawls_do_not():
    summaries = {
        "lever": {"items": 70, "quarantined": 30, "quarantined_by_reason": {"malformed_record": 30}},
        "ashby": {"items": 90, "quarantined": 10},
        "tiny": {"items": 1, "quarantined": 4},  # 5 records: too few to judge
    }
    [reason] = quality.too_much_quarantined(summaries, max_share=0.2)
    assert reason == "lever: 30 of 100 records quarantined (30% > 20%: malformed_record x30)"


def test_a_headline_share_that_jumps_fails_and_a_small_or_steady_one_does_not():
    before = {"ai_share": {"value": 0.40, "n": 1000}, "ai_required_share": {"value": 0.30, "n": 1000},
              "ai_roles_yoy_growth": {"value": 0.60, "n": 500}, "ai_roles_remote_or_hybrid_share": {"value": 0.5, "n": 50}}  # fmt: skip
    after = {"ai_share": {"value": 0.55, "n": 1100}, "ai_required_share": {"value": 0.33, "n": 1100},
             "ai_roles_yoy_growth": {"value": 0.90, "n": 520}, "ai_roles_remote_or_hybrid_share": {"value": 0.9, "n": 60}}  # fmt: skip
    reasons = quality.moved_too_far(before, after, max_share_move=0.10, max_growth_move=0.50, min_n=100)
    assert len(reasons) == 1 and reasons[0].startswith("metric ai_share moved +0.150 since the last run")
    assert quality.moved_too_far({}, after, 0.10, 0.50, 100) == []  # a first run has nothing to move from


def test_figures_are_recorded_per_run_and_compared_with_the_last_one():
    con = connect(":memory:")
    con.execute("create table ai_share as select 'all' as posted_month, 'ALL' as country, 0.5::double as ai_share, 200 as n_tech_postings, "
                "0.43::double as ai_share_ci_low, 0.57::double as ai_share_ci_high, 0.4::double as ai_required_share, "
                "0.33::double as ai_required_share_ci_low, "
                "0.47::double as ai_required_share_ci_high")  # fmt: skip
    con.execute("create table remote_share as select 'all' as posted_month, 'ALL' as country, 'all' as role, "
                "null::double as remote_or_hybrid_share, 0 as n_known, null::double as remote_or_hybrid_share_ci_low, "
                "null::double as remote_or_hybrid_share_ci_high")  # fmt: skip
    con.execute("create table country_growth as select 'ALL' as country, true as is_latest, 0.6::double as growth, 40 as n_recent, "
                "25 as n_prior, 0.1::double as growth_ci_low, 1.5::double as growth_ci_high")  # fmt: skip
    figures = quality.headline_figures(con)
    assert set(figures) == {
        "ai_share",
        "ai_required_share",
        "ai_roles_yoy_growth",
    }  # no figure from an empty cell
    assert figures["ai_roles_yoy_growth"] == {"value": 0.6, "n": 65, "ci_low": 0.1, "ci_high": 1.5}
    quality.record_figures(con, "r1", figures)
    con.execute("update ai_share set ai_share = 0.7")
    assert quality.previous_figures(con, "r2") == ("r1", figures)
    assert quality.previous_figures(con, "r1") == (None, {})
