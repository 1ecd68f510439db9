"""The account of one run, for the flow's artifacts: Markdown for people, rows for a table."""

from __future__ import annotations

from typing import Any

from warehouse.report import interval, pct


def figure_rows(figures: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per headline figure: this run's value beside the last run's."""
    rows = []
    for name, now in figures["current"].items():
        before = figures["previous"].get(name) or {}
        rows.append({
            "metric": name, "value": now["value"], "n": now["n"], "ci_low": now["ci_low"], "ci_high": now["ci_high"],
            "previous_value": before.get("value"), "previous_n": before.get("n"),
            "change": None if before.get("value") is None else now["value"] - before["value"],
        })  # fmt: skip
    return rows


def run_markdown(outcome: dict[str, Any], synthetic: bool = False) -> str:
    lines = [
        f"# jobmarket {outcome['flow']} {outcome['run_id']}: {'FAILED' if outcome['failures'] else 'ok'}",
        "",
    ]
    if synthetic:
        lines += ["**Synthetic demo data**: the figures show the method, not the market.", ""]
    if outcome["failures"]:
        lines += ["## Failures", ""] + [f"- {reason}" for reason in outcome["failures"]] + [""]
    lines += ["## Sources", "", "| source | items | quarantined | by reason | retries | HTTP errors | seconds |",
              "|---|---:|---:|---|---:|---|---:|"]  # fmt: skip
    for source, s in sorted(outcome["crawls"].items()):
        reasons = (
            ", ".join(f"{k} {v}" for k, v in sorted((s.get("quarantined_by_reason") or {}).items())) or "-"
        )
        errors = ", ".join(f"{k}: {v}" for k, v in sorted((s.get("http_errors") or {}).items())) or "-"
        lines.append(
            f"| {source} | {s.get('items', 0):,} | {s.get('quarantined', 0):,} | {reasons} | {s.get('retries', 0)} "
            f"| {errors} | {s.get('seconds', 0):.1f} |"
        )
    for source in sorted(outcome.get("failed_sources", [])):
        lines.append(f"| {source} | 0 | - | failed | - | - | - |")
    extracted = outcome.get("extracted") or {}
    lines += ["", f"Loaded {sum(f.get('records', 0) for f in outcome.get('loaded', [])):,} new records; "
              f"extracted {extracted.get('extracted', 0):,} postings in {extracted.get('batches', 0)} batches.", ""]  # fmt: skip
    figures = outcome.get("figures")
    if figures:
        since = figures["previous_run"] or "no earlier run"
        lines += [f"## Headline figures (change since {since})", "", "| metric | value | 95% CI | n | last run | change |",
                  "|---|---:|---|---:|---:|---:|"]  # fmt: skip
        for row in figure_rows(figures):
            growth = row["metric"].endswith("growth")
            change = (
                "-"
                if row["change"] is None
                else (f"{100 * row['change']:+.1f} pts" if not growth else f"{100 * row['change']:+.1f}%")
            )
            lines.append(
                f"| {row['metric']} | {pct(row['value'])} | {interval(row['ci_low'], row['ci_high'])} | {row['n']:,} | "
                f"{pct(row['previous_value'])} | {change} |"
            )
    lines += ["", f"Published: {outcome.get('published') or 'not published (the last good copy stays)'}"]
    return "\n".join(lines) + "\n"
