"""Acceptance of the spiders: `jobmarket refresh --config FILE` with every source pointed at the
local server lands every fixture posting of every source in posting_sources, field by field."""

import json

import duckdb

from flows.cli import main
from spiders.run import spider_names

# every fixture posting that is whole (the fixtures' broken records are quarantined instead)
EXPECTED = {
    "greenhouse": 3, "lever": 4, "ashby": 2, "remoteok": 2, "remotive": 3, "arbeitnow": 3, "jobicy": 3,
    "smartrecruiters": 2, "workable": 2, "himalayas": 3, "themuse": 3, "hn_whoishiring": 5, "jsonld": 2,
    "remotejobsorg": 3, "weworkremotely": 2,
}  # fmt: skip


def config_for(base_url: str) -> str:
    boards = {
        "greenhouse": ["acme"],
        "lever": ["globex"],
        "ashby": ["acme"],
        "smartrecruiters": ["acme"],
        "workable": ["acme"],
    }
    options = {"lever": {"page_size": "2"}, "smartrecruiters": {"page_size": "2"}, "himalayas": {"page_size": "2"},
               "hn_whoishiring": {"months": "2019-01..2019-03"},
               "remotejobsorg": {"categories": "data-science", "page_size": "2"},
               "jsonld": {"pages": [f"{base_url}/careers/jobs/ml-platform-engineer.html",
                                    f"{base_url}/careers/jobs/ai-ethics-lead.html"]}}  # fmt: skip
    lines = []
    for name in EXPECTED:
        lines += [
            f"[sources.{name}]",
            f'base_url = "{base_url}"',
            f"boards = {json.dumps(boards.get(name, []))}",
        ]
        lines += [f"{key} = {json.dumps(value)}" for key, value in options.get(name, {}).items()]
        lines.append("")
    return "\n".join(lines)


def test_every_source_lands_every_fixture_posting(prefect_harness, api_server, tmp_path, capsys):
    assert set(EXPECTED) == set(spider_names())  # a new spider needs its line here
    config = tmp_path / "sources.toml"
    config.write_text(config_for(api_server.base_url))
    db = tmp_path / "data" / "warehouse.duckdb"
    assert main(["refresh", "--config", str(config), "--warehouse", str(db), "--retries", "0"]) == 0, (
        capsys.readouterr().err
    )

    landed = {}
    for path in sorted((tmp_path / "data" / "raw").glob("*/*.jsonl")):
        if not path.name.endswith(".quarantine.jsonl"):
            for line in path.read_text().splitlines():
                item = json.loads(line)["item"]
                landed[(item["source"], item["source_id"])] = item
    with duckdb.connect(str(tmp_path / "data" / "published" / "warehouse.duckdb"), read_only=True) as con:
        per_source = dict(
            con.execute("select source, count(*) from posting_sources group by source").fetchall()
        )
        assert per_source == EXPECTED
        rows = con.execute(
            "select ps.source, ps.source_id, ps.url, s.title, s.company, s.locations, "
            "strftime(s.date_posted at time zone 'UTC', '%Y-%m-%dT%H:%M:%S+00:00') "
            "from posting_sources ps join source_postings s using (source, source_id)"
        ).fetchall()
    assert len(rows) == len(landed) == sum(EXPECTED.values())
    for source, source_id, url, title, company, locations, posted in rows:
        item = landed[(source, source_id)]
        assert (url, title, company, locations, posted) == (
            item["url"], item["title"].strip(), item["company"], item["locations_raw"], item["date_posted"],
        ), (source, source_id)  # fmt: skip
