"""Loading landing files into the raw tables, extraction hand-off, and the model build.

DuckDB takes one writing process at a time: every function here is called by the single
writer (the flow's load/extract/build tasks run one after another). Readers use the published
copy (``warehouse.publish``), which is swapped in atomically after each build."""

from __future__ import annotations

import csv
import hashlib
import json
import re
import time
from collections.abc import Iterable
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from warehouse import LAYERS, SQL_DIR, SYNTHETIC_KEY, sql_file
from warehouse.errors import WarehouseLocked

QUARANTINE_COLUMNS = [
    "source",
    "run_id",
    "landing_file",
    "line_no",
    "reason",
    "detail",
    "url",
    "fetched_at",
    "record",
]


def connect(path: Path | str, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        if "lock" not in str(exc).lower():
            raise
        holder = re.search(r"PID (\d+)", str(exc))
        published = Path(path).parent / "published" / Path(path).name
        raise WarehouseLocked(
            f"{path} is in use by a running jobmarket writer{f' (pid {holder[1]})' if holder else ''}: "
            f"read the published copy ({published}, or --warehouse on it), or wait for the run to end"
        ) from None
    if not read_only:
        for name in LAYERS["schema"]:
            con.execute(sql_file("schema", name).read_text())
    return con


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def landing_files(raw_dir: Path) -> list[Path]:
    """Finished landing files (never ``.part``), in a stable order: source, then run id."""
    return sorted(p for p in Path(raw_dir).glob("*/*.jsonl") if p.is_file())


def _read_lines(path: Path) -> pa.Table:
    """The file's non-blank lines with their numbers, as text: DuckDB parses and hashes them in
    bulk (a line-by-line ``json.loads`` here ran at about 11k postings/s). Undecodable bytes
    become U+FFFD, so a corrupt line is quarantined instead of failing the file."""
    numbers, lines = [], []
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line_no, line in enumerate(handle, start=1):
            if line.strip():
                numbers.append(line_no)
                lines.append(line)
    return pa.table({"line_no": pa.array(numbers, pa.int32()), "line": pa.array(lines, pa.large_string())})


# One row per landing line: the item and the untouched record as JSON, or why the line is unusable.
# record_hash is the identity of a landed record, what the source said and not when we asked:
# SHA-256 of the item less fetched_at, and the record, as minified JSON in their landed key order.
# What each field of a landed item may hold, read off the JobPosting dataclass (the item schema
# lives there, once): a record that breaks it is quarantined at the raw load with the field named,
# instead of loading and then failing every later build ("Expected ARRAY") or vanishing between
# raw and core (a null source_id).
TYPE_CHECKS = {
    "str": ("json_type({v}) = 'VARCHAR' and trim({v} ->> '$') <> ''", "a non-empty string"),
    "str | None": ("coalesce(json_type({v}), 'NULL') in ('NULL', 'VARCHAR')", "a string or null"),
    "float | None": (
        "coalesce(json_type({v}), 'NULL') in ('NULL', 'BIGINT', 'UBIGINT', 'DOUBLE')",
        "a number or null",
    ),
    "str | int | None": (
        "coalesce(json_type({v}), 'NULL') in ('NULL', 'VARCHAR', 'BIGINT', 'UBIGINT', 'DOUBLE')",
        "a string, a number or null",
    ),
    "list[str]": (
        "coalesce(json_type({v}), 'NULL') = 'NULL' or (json_type({v}) = 'ARRAY' and "
        "coalesce(list_bool_and(list_transform(json_extract({v}, '$[*]'), x -> json_type(x) = 'VARCHAR')), true))",
        "a list of strings",
    ),
}


@lru_cache(maxsize=1)
def item_checks() -> str:
    """One ``when ... then 'why'`` per checked field of the item, in the dataclass's order."""
    from dataclasses import fields

    from spiders.items import JobPosting

    clauses = []
    for spec in fields(JobPosting):
        check = TYPE_CHECKS.get(str(spec.type))
        if spec.name == "record" or check is None:
            continue
        value = f"json_extract(parts[1], '$.{spec.name}')"
        test, expected = check
        clauses.append(f"when not coalesce({test.format(v=value)}, false) then 'item.{spec.name} must be {expected}, not ' || "
                       f"coalesce(lower(json_type({value})), 'missing')")  # fmt: skip
    return "\n            ".join(clauses)


STAGE_POSTINGS = """
create or replace temp table landing_stage as
with lines as (
    select line_no, line, json_valid(line) as is_json from landing_lines
),

parts as (
    -- one parse of the line for both members
    select line_no, line, is_json, case when is_json then json_extract(line, ['$.item', '$.record']) end as parts
    from lines
),

checked as (
    select
        line_no,
        line,
        parts[1] as item,
        coalesce(parts[2], 'null'::json) as record,
        case
            when not is_json then 'line is not valid JSON'
            when json_type(parts[1]) is distinct from 'OBJECT' then 'line has no item object'
            {item_checks}
        end as problem
    from parts
)

select
    line_no,
    problem,
    case when problem is null then item end as item,
    case when problem is null then record end as record,
    case when problem is null then sha256(
        cast(json_merge_patch(item, '{{"fetched_at": null}}') as varchar) || chr(30) || cast(record as varchar)
    ) end as record_hash,
    case when problem is null then try_cast(item ->> '$.fetched_at' as timestamptz) end as fetched_at,
    case when problem is not null then left(line, 2000) end as excerpt
from checked
"""


def _parse_quarantine(path: Path, source: str, run_id: str) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line_no, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                q = json.loads(line)
            except ValueError:
                q = {"reason": "unreadable_quarantine_line", "detail": line[:300]}
            rows.append(
                dict(source=source, run_id=run_id, landing_file=str(path), line_no=line_no,
                     reason=q.get("reason") or "unknown", detail=q.get("detail"), url=q.get("url"),
                     fetched_at=q.get("fetched_at"), record=json.dumps(q.get("record"), ensure_ascii=False))
            )  # fmt: skip
    return rows


def _arrow(rows: list[dict], columns: list[str]) -> pa.Table:
    return pa.table({c: [r[c] for r in rows] for c in columns})


def load_file(con: duckdb.DuckDBPyConnection, path: Path) -> dict[str, Any]:
    """Load one landing file atomically; a file already in the ingest log is skipped."""
    file_hash = file_sha256(path)
    if con.execute("select 1 from ingest_log where file_hash = ?", [file_hash]).fetchone():
        return {"path": str(path), "status": "skipped", "records": 0}
    source = path.parent.name
    is_quarantine = path.name.endswith(".quarantine.jsonl")
    run_id = path.name.removesuffix(".quarantine.jsonl").removesuffix(".jsonl")
    where = [source, run_id, str(path)]
    if is_quarantine:
        qbatch = _arrow(_parse_quarantine(path, source, run_id), QUARANTINE_COLUMNS)
    else:
        landing_lines = _read_lines(path)  # noqa: F841 (read by name from the SQL below)
        # the stage is built before the transaction: no DDL inside it
        con.execute(STAGE_POSTINGS.format(item_checks=item_checks()))
    con.execute("begin transaction")
    try:
        if is_quarantine:
            con.execute(
                "insert into raw_quarantine select source, run_id, landing_file, line_no, reason, detail, url, "
                "cast(fetched_at as timestamptz), cast(record as json) from qbatch"
            )
            n_records = n_bad = len(qbatch)
        else:
            # keyed raw tables take the stage through MERGE: a record landed before (by another
            # run) keeps its first landing and adds no row; its sighting is counted
            con.execute(
                """
                merge into raw_postings as r
                using (
                    select distinct on (record_hash)
                        ? as source, record_hash, ? as run_id, ? as landing_file, line_no, fetched_at, item, record
                    from landing_stage where problem is null order by record_hash, line_no
                ) as b
                on r.source = b.source and r.record_hash = b.record_hash
                when not matched then insert by name
                """,
                where,
            )
            con.execute(
                """
                merge into raw_sightings as s
                using (
                    select ? as source, record_hash, min(fetched_at) as first_at, max(fetched_at) as last_at,
                        count(*) as n
                    from landing_stage where problem is null group by record_hash
                ) as b
                on s.source = b.source and s.record_hash = b.record_hash
                when matched then update set
                    first_fetched_at = least(s.first_fetched_at, b.first_at),
                    last_fetched_at = greatest(s.last_fetched_at, b.last_at),
                    n_sightings = s.n_sightings + b.n
                when not matched then insert values (b.source, b.record_hash, b.first_at, b.last_at, b.n)
                """,
                [source],
            )
            con.execute(
                """
                insert into raw_quarantine
                select ?, ?, ?, line_no,
                    case when problem like 'item.%' then 'bad_landing_item' else 'unreadable_landing_line' end,
                    problem, null, null, to_json(excerpt)
                from landing_stage where problem is not null
                """,
                where,
            )
            n_records = con.execute("select count(*) from landing_stage").fetchone()[0]
            n_bad = con.execute("select count(*) from landing_stage where problem is not null").fetchone()[0]
        con.execute(
            "insert into ingest_log values (?, ?, ?, ?, ?, ?, ?)",
            [file_hash, str(path), source, run_id, "quarantine" if is_quarantine else "postings",
             n_records, datetime.now(UTC)],
        )  # fmt: skip
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    con.execute("drop table if exists landing_stage")
    con.execute("checkpoint")
    return {"path": str(path), "status": "loaded", "records": n_records - n_bad, "quarantined": n_bad}


def load_raw(con: duckdb.DuckDBPyConnection, paths: Iterable[Path]) -> list[dict[str, Any]]:
    return [load_file(con, Path(p)) for p in paths]


def set_meta(con: duckdb.DuckDBPyConnection, key: str, value: str) -> None:
    con.execute("insert or replace into warehouse_meta values (?, ?, ?)", [key, value, datetime.now(UTC)])


def write_extraction_input(con: duckdb.DuckDBPyConnection, extractor_version: str, path: Path) -> int:
    """Postings content not yet extracted under ``extractor_version``, as extract-contract lines."""
    rows = con.execute(
        """
        select distinct on (content_hash)
            content_hash, source, title, company, locations, description_html, workplace_type,
            salary_min_structured, salary_max_structured, salary_currency_structured,
            salary_period_structured, salary_text, country_hints, cast(date_posted as varchar)
        from stg_job_postings s
        where not exists (
            select 1 from extractions e
            where e.content_hash = s.content_hash and e.extractor_version = ?
        )
        order by content_hash
        """,
        [extractor_version],
    ).fetchall()
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        for (content_hash, source, title, company, locations, description, workplace, smin, smax, scur, sper,
             stext, hints, posted) in rows:  # fmt: skip
            record = {
                "id": content_hash, "title": title, "company": company,
                "location": "; ".join(locations or []), "locations": locations or [],
                "description": description, "source": source, "workplace_type": workplace,
                "salary_min": smin, "salary_max": smax, "salary_currency": scur, "salary_period": sper,
                "salary_text": stext,
                "country_hints": hints or [], "date_posted": posted,
            }  # fmt: skip
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(rows)


def extractor_version_of(con: duckdb.DuckDBPyConnection) -> str:
    row = con.execute("select value from warehouse_meta where key = 'extractor_version'").fetchone()
    return row[0] if row else "unknown"


def load_extractions(con: duckdb.DuckDBPyConnection, path: Path) -> int:
    """Extraction output lines into ``extractions``, read as the extractor wrote them: its ``id``
    is the content hash; error records (lines with ``error``) are not loaded."""
    types = dict(con.execute("select column_name, column_type from (describe extractions)").fetchall())
    spec = {"id": "VARCHAR", "error": "VARCHAR", **{c: t for c, t in types.items() if c != "content_hash"}}
    column_spec = "{" + ", ".join(f"'{c}': '{t}'" for c, t in spec.items()) + "}"
    columns = ", ".join(f'"{c}"' for c in types if c != "content_hash")
    con.execute("begin transaction")
    try:
        before = con.execute("select count(*) from extractions").fetchone()[0]
        con.execute(
            f"insert or ignore into extractions select id as content_hash, {columns} "
            f"from read_json(?, format = 'newline_delimited', columns = {column_spec}) where error is null",
            [str(path)],
        )
        added = con.execute("select count(*) from extractions").fetchone()[0] - before
        # an error record keeps its reason beside the content it is about
        con.execute(
            "insert or replace into extraction_errors "
            "select id, ?, error, now() from read_json(?, format = 'newline_delimited', "
            "columns = {'id': 'VARCHAR', 'error': 'VARCHAR'}) where error is not null and id is not null",
            [extractor_version_of(con), str(path)],
        )
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    con.execute("checkpoint")
    return added


def synthetic_records(con: duckdb.DuckDBPyConnection) -> int:
    """How many raw records (landed or quarantined) are synthetic demo data."""
    return con.execute(
        f"select (select count(*) from raw_postings where record ->> '$.{SYNTHETIC_KEY}' = 'true') + "
        f"(select count(*) from raw_quarantine where record ->> '$.{SYNTHETIC_KEY}' = 'true')"
    ).fetchone()[0]


def load_taxonomy(con: duckdb.DuckDBPyConnection, path: Path, version: str) -> None:
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    con.execute("begin transaction")
    con.execute("delete from raw_skills_taxonomy")
    con.executemany(
        "insert into raw_skills_taxonomy values (?, ?, ?, ?, ?, ?, ?, ?)",
        [[r["skill_id"], r["name"], r["category"], r["is_ai"] == "true", r["cluster"] or None, r["aliases"],
          r["context_rule"] or None, version] for r in rows],
    )  # fmt: skip
    con.execute("commit")


def build_staging(con: duckdb.DuckDBPyConnection) -> None:
    for name in LAYERS["staging"]:
        con.execute(sql_file("staging", name).read_text())


def core_model_version() -> str:
    """A hash of the core models' SQL: their keyed tables are created once, so a change of
    definition must drop them (they are derived, and rebuilt from raw in the same build)."""
    text = "".join(sql_file("core", name).read_text() for name in LAYERS["core"])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def drop_derived(con: duckdb.DuckDBPyConnection) -> None:
    for name in reversed(LAYERS["marts"] + LAYERS["core"]):
        con.execute(f'drop table if exists "{name}"')


def build_models(
    con: duckdb.DuckDBPyConnection, full: bool = False, seconds: dict | None = None
) -> dict[str, int]:
    """Staging views, then the core tables (staged, then merged), then the marts, each from its
    own SQL file, in order. ``full`` drops every derived table first (``jobmarket rebuild``);
    ``seconds``, when given, receives each model's build time (the benchmark reads it)."""
    stored = con.execute("select value from warehouse_meta where key = 'core_model_version'").fetchone()
    if full or stored is None or stored[0] != core_model_version():
        drop_derived(con)
        set_meta(con, "core_model_version", core_model_version())
    counts = {}
    build_staging(con)
    for layer in ("core", "marts"):
        for name in LAYERS[layer]:
            started = time.perf_counter()
            con.execute(sql_file(layer, name).read_text())
            if seconds is not None:
                seconds[name] = time.perf_counter() - started
            counts[name] = con.execute(f'select count(*) from "{name}"').fetchone()[0]
    con.execute("checkpoint")
    return counts


def run_checks(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Every checks/assert_*.sql, with the number of failing rows it returns (0 = pass)."""
    return {
        path.stem: len(con.execute(path.read_text()).fetchall())
        for path in sorted((SQL_DIR / "checks").glob("assert_*.sql"))
    }
