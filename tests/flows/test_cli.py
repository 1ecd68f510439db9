import json
import subprocess
import sys

from flows.cli import main


def test_extract_command(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": 1, "title": "Data Scientist", "location": "Paris", "description": "SQL"}) + "\n"
    )
    assert main(["extract", str(src), "-o", str(tmp_path / "out.jsonl")]) == 0
    [row] = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert row["role"] == "data_scientist" and row["countries"] == ["FR"]
    assert "extracted 1 postings" in capsys.readouterr().out


def test_user_mistakes_get_one_line_and_exit_2(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "missing.jsonl"), "-o", str(tmp_path / "o.jsonl")]) == 2
    assert main(["report", "--warehouse", str(tmp_path / "none.duckdb")]) == 2
    bad = tmp_path / "bad.toml"
    bad.write_text("[sources.nosuchboard]\nboards = []\n")
    assert main(["refresh", "--config", str(bad), "--warehouse", str(tmp_path / "w.duckdb")]) == 2
    assert (
        main(
            ["report", "--country", "KE'; drop table postings; --", "--warehouse", str(tmp_path / "n.duckdb")]
        )
        == 2
    )
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 4 and all(line.startswith("jobmarket: ") for line in err)
    assert "no such spider" in err[2] and "unknown country" in err[3]


def test_rebuild_publishes_only_a_warehouse_that_passes_its_checks(tmp_path, capsys):
    from tests.warehouse.helpers import posting, refresh_warehouse, write_landing
    from warehouse import loader

    raw, db = tmp_path / "raw", tmp_path / "w.duckdb"
    write_landing(
        raw,
        "greenhouse",
        "r1",
        [posting("greenhouse", "1", "ML Engineer", "Acme", "Berlin", "2026-05-02T10:00:00+00:00")],
    )
    refresh_warehouse(db, raw, tmp_path)
    assert main(["rebuild", "--warehouse", str(db)]) == 0
    published = tmp_path / "published" / "w.duckdb"
    assert published.exists() and (tmp_path / "published" / "w_parquet" / "postings").is_dir()
    before = published.read_bytes()
    with loader.connect(db) as con:  # a source without a staging model: its records would vanish
        con.execute(
            "insert into raw_postings select * replace ('unstaged_board' as source) from raw_postings"
        )
    assert main(["rebuild", "--warehouse", str(db)]) == 1
    assert "assert_every_source_staged: 1 failing row(s); not published" in capsys.readouterr().err
    assert published.read_bytes() == before


def test_a_reversed_or_malformed_range_is_refused_before_anything_runs(tmp_path, capsys):
    db = tmp_path / "w.duckdb"
    for months in (["--from", "2019-05", "--to", "2019-01"], ["--from", "2019-13", "--to", "2019-14"]):
        assert main(["run", "backfill", *months, "--warehouse", str(db)]) == 2
    config = tmp_path / "sources.toml"
    config.write_text('[sources.hn_whoishiring]\nmonths = "2019-05..2019-01"\n')
    assert main(["refresh", "--config", str(config), "--warehouse", str(db)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert (
        len(err) == 3
        and "reversed range" in err[0]
        and "not a month" in err[1]
        and "reversed range" in err[2]
    )
    assert not db.exists() and not (tmp_path / "published").exists()  # nothing ran


def test_a_reader_that_meets_the_writers_lock_is_told_what_to_open(tmp_path):
    db = tmp_path / "w.duckdb"
    hold = f"import duckdb, sys; c = duckdb.connect({str(db)!r}); print('held', flush=True); sys.stdin.read()"
    holder = subprocess.Popen(
        [sys.executable, "-c", hold], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        command = [sys.executable, "-m", "flows.cli", "report", "--warehouse", str(db)]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    finally:
        holder.communicate("", timeout=30)
    assert done.returncode == 75
    (line,) = done.stderr.strip().splitlines()
    assert "in use by a running jobmarket writer" in line and "published" in line
