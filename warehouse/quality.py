"""The run's quality gates beyond the SQL checks: too much quarantined, and headline figures
that moved more than a set amount since the last run. Each returns the reasons it fails (empty
when the run passes), so that the flow can fail loudly with them."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import duckdb

# The headline figures every run records and compares: (name, SQL giving value, n, ci_low, ci_high).
HEADLINES = {
    "ai_share": "select ai_share, n_tech_postings, ai_share_ci_low, ai_share_ci_high from ai_share "
    "where posted_month = 'all' and country = 'ALL'",
    "ai_required_share": "select ai_required_share, n_tech_postings, ai_required_share_ci_low, "
    "ai_required_share_ci_high from ai_share where posted_month = 'all' and country = 'ALL'",
    "ai_roles_remote_or_hybrid_share": "select remote_or_hybrid_share, n_known, remote_or_hybrid_share_ci_low, "
    "remote_or_hybrid_share_ci_high from remote_share where posted_month = 'all' and country = 'ALL' and role = 'all'",
    "ai_roles_yoy_growth": "select growth, n_recent + n_prior, growth_ci_low, growth_ci_high from country_growth "
    "where country = 'ALL' and is_latest",
}
SHARES = {"ai_share", "ai_required_share", "ai_roles_remote_or_hybrid_share"}


def headline_figures(con: duckdb.DuckDBPyConnection) -> dict[str, dict[str, Any]]:
    out = {}
    for name, sql in HEADLINES.items():
        row = con.execute(sql).fetchone()
        if row is not None and row[0] is not None:
            out[name] = {"value": row[0], "n": row[1], "ci_low": row[2], "ci_high": row[3]}
    return out


def previous_figures(con: duckdb.DuckDBPyConnection, run_id: str) -> tuple[str | None, dict[str, dict]]:
    """The figures recorded by the latest earlier run."""
    row = con.execute(
        "select run_id from run_metrics where run_id <> ? order by recorded_at desc limit 1", [run_id]
    ).fetchone()
    if row is None:
        return None, {}
    rows = con.execute(
        "select metric, value, n, ci_low, ci_high from run_metrics where run_id = ?", [row[0]]
    ).fetchall()
    return row[0], {m: {"value": v, "n": n, "ci_low": lo, "ci_high": hi} for m, v, n, lo, hi in rows}


def record_figures(con: duckdb.DuckDBPyConnection, run_id: str, figures: dict[str, dict]) -> None:
    now = datetime.now(UTC)
    con.execute("begin transaction")
    con.execute("delete from run_metrics where run_id = ?", [run_id])
    for name, f in figures.items():
        con.execute(
            "insert into run_metrics values (?, ?, ?, ?, ?, ?, ?)",
            [run_id, name, f["value"], f["n"], f["ci_low"], f["ci_high"], now],
        )
    con.execute("commit")


def moved_too_far(previous: dict, current: dict, max_share_move: float, max_growth_move: float,
                  min_n: int) -> list[str]:  # fmt: skip
    """Headline figures that moved more than allowed since the last run, where both runs rest on
    at least ``min_n`` postings (small samples move by chance)."""
    reasons = []
    for name, now in current.items():
        before = previous.get(name)
        if not before or before["value"] is None or min(before["n"] or 0, now["n"] or 0) < min_n:
            continue
        limit = max_share_move if name in SHARES else max_growth_move
        move = now["value"] - before["value"]
        if abs(move) > limit:
            reasons.append(
                f"metric {name} moved {move:+.3f} since the last run ({before['value']:.3f} -> {now['value']:.3f}, "
                f"n {before['n']} -> {now['n']}; the limit is {limit})"
            )
    return reasons


def too_much_quarantined(summaries: dict[str, dict], max_share: float, min_records: int = 20) -> list[str]:
    """Sources whose quarantined records exceed ``max_share`` of all they returned."""
    reasons = []
    for source, s in sorted(summaries.items()):
        items, bad = s.get("items", 0), s.get("quarantined", 0)
        total = items + bad
        if total >= min_records and bad / total > max_share:
            top = ", ".join(f"{k} x{v}" for k, v in sorted((s.get("quarantined_by_reason") or {}).items()))
            reasons.append(
                f"{source}: {bad} of {total} records quarantined ({bad / total:.0%} > {max_share:.0%}: {top})"
            )
    return reasons
