"""Real postings end to end: a slice of ../shared/real (every source there) and the ATS samples,
served under their real API paths, through `jobmarket refresh`, `jobmarket report` and
`jobmarket report --html`. Every record served is landed or quarantined with its reason, every
landed one reaches the warehouse, and both reports are written."""

import json

import duckdb
import pytest

from demo.replay import ReplayServer
from flows.cli import main
from spiders import replay

HN_MONTHS = ("2014-06", "2017-02")  # two whole threads: one early, one late


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    root = replay.shared_dir()
    if not (root / "real").is_dir() or not (root / "samples").is_dir():
        pytest.skip(f"{root} is not here (a fresh clone has no ../shared)")
    records = {source: replay.read_real(source, root) for source in replay.REAL_FILES}
    records["hn_whoishiring"] = [r for r in records["hn_whoishiring"] if r["month"] in HN_MONTHS]
    samples = {source: replay.read_sample(source, root) for source in replay.SAMPLE_FILES}
    snapshot = tmp_path_factory.mktemp("snapshot")
    options = replay.write_snapshot(snapshot, records, samples)
    (snapshot / "robots.txt").write_text("User-agent: *\nAllow: /\n")
    return snapshot, records, samples, options


def test_real_postings_land_and_the_reports_are_written(prefect_harness, served, tmp_path, capsys):
    snapshot, records, samples, options = served
    with ReplayServer(snapshot) as server:
        lines = ["[crawl]", 'contact_url = "https://example.org/jobmarket-tests"', ""]
        for source, extra in sorted(options.items()):
            lines += [f"[sources.{source}]", f'base_url = "{server.base_url}"']
            lines += [f"{key} = {json.dumps(value)}" for key, value in extra.items()]
            lines.append("")
        config = tmp_path / "sources.toml"
        config.write_text("\n".join(lines))
        db = tmp_path / "data" / "warehouse.duckdb"
        code = main(["refresh", "--config", str(config), "--warehouse", str(db), "--retries", "0"])
        assert code == 0, capsys.readouterr().err

    served_count = {source: len(recs) for source, recs in records.items()}
    for source, (recs, _) in samples.items():
        served_count[source] = served_count.get(source, 0) + len(
            [r for r in recs if r not in records.get(source, [])]
        )
    landed: dict[str, set[str]] = {}
    quarantined: dict[str, int] = {}
    for path in (tmp_path / "data" / "raw").glob("*/*.jsonl"):
        # split on newlines only: str.splitlines() also splits at U+2028 inside a posting's text
        for line in filter(None, path.read_text(encoding="utf-8").split("\n")):
            row = json.loads(line)
            if path.name.endswith(".quarantine.jsonl"):
                assert row["reason"] and row["detail"], row  # every quarantined record says why
                quarantined[row["source"]] = quarantined.get(row["source"], 0) + 1
            else:
                landed.setdefault(row["item"]["source"], set()).add(row["item"]["source_id"])
    for source, count in served_count.items():
        assert len(landed.get(source, ())) + quarantined.get(source, 0) == count, source

    with duckdb.connect(str(tmp_path / "data" / "published" / "warehouse.duckdb"), read_only=True) as con:
        in_warehouse = dict(
            con.execute("select source, count(*) from posting_sources group by source").fetchall()
        )
        n_extracted = con.execute(
            "select count(*) from postings where extractor_version is not null"
        ).fetchone()[0]
        n_postings = con.execute("select count(*) from postings").fetchone()[0]
    assert in_warehouse == {source: len(ids) for source, ids in landed.items()}
    assert n_postings and n_extracted == n_postings

    capsys.readouterr()
    assert main(["report", "--warehouse", str(db)]) == 0
    assert "AI" in capsys.readouterr().out
    html = tmp_path / "report.html"
    assert main(["report", "--warehouse", str(db), "--html", str(html)]) == 0
    page = html.read_text()
    assert page.count("<img") >= 3 and "data:image/png;base64," in page
