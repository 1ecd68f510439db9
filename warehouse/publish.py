"""Publishing for readers: a read-only copy of the warehouse file and Parquet exports.

DuckDB allows one writing process and no other process while it writes, so analysts, notebooks
and other engines never open the working file. After each build the closed file is copied and
swapped in atomically (``os.replace``), and the analyst tables are exported to Parquet from that
copy. A Parquet export is a directory per version; ``<stem>_parquet`` is a symlink swapped
atomically to the newest, so a reader sees one whole version or the one before, never a mix."""

from __future__ import annotations

import json
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from warehouse import ANALYST_TABLES

# Hive partitions where a reader usually filters; the rest are one file a table.
PARTITIONS = {
    "postings": ("posted_year", "year(coalesce(date_posted, first_seen_at))"),
    "posting_sources": ("source", None),
}
KEEP_VERSIONS = 2  # the newest and the one before, for a reader still on it


def parquet_link(published_db: Path) -> Path:
    return published_db.parent / f"{published_db.stem}_parquet"


def copy_database(db_path: Path, published_db: Path) -> Path:
    published_db.parent.mkdir(parents=True, exist_ok=True)
    tmp = published_db.with_name(f".{published_db.name}.{os.getpid()}.tmp")
    shutil.copyfile(db_path, tmp)
    os.replace(tmp, published_db)
    return published_db


def export_parquet(published_db: Path, version: str) -> dict[str, Any]:
    """Every analyst table of the published copy to Parquet, under a new version directory."""
    link = parquet_link(published_db)
    final = link.parent / f"{link.name}.{version}"
    staging = link.parent / f".{link.name}.{version}.tmp"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    tables = {}
    with duckdb.connect(str(published_db), read_only=True) as con:
        for table in ANALYST_TABLES:
            out = staging / table
            column, expression = PARTITIONS.get(table, (None, None))
            if column:
                select = f"select *, {expression} as {column} from {table}" if expression else f"from {table}"
                con.execute(
                    f"copy ({select}) to '{out}' (format parquet, partition_by ({column}), compression zstd)"
                )
            else:
                out.mkdir()
                con.execute(
                    f"copy {table} to '{out / (table + '.parquet')}' (format parquet, compression zstd)"
                )
            tables[table] = {
                "rows": con.execute(f"select count(*) from {table}").fetchone()[0],
                "partitioned_by": column,
            }
        meta = dict(con.execute("select key, value from warehouse_meta").fetchall())
    manifest = {
        "version": version,
        "published_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "extractor_version": meta.get("extractor_version"),
        # readers of the Parquet alone must see it too: the demo's records are not the market
        "synthetic": meta.get("synthetic") == "true",
        "synthetic_records": int(meta.get("synthetic_records") or 0),
        "tables": tables,
    }
    (staging / "_manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    os.replace(staging, final)
    swap_link(link, final)
    prune(link)
    return manifest


def swap_link(link: Path, target: Path) -> None:
    tmp = link.with_name(f".{link.name}.{os.getpid()}.link")
    tmp.unlink(missing_ok=True)
    tmp.symlink_to(target.name)  # relative: the published folder can be moved or mounted elsewhere
    os.replace(tmp, link)


def prune(link: Path) -> None:
    current = os.readlink(link)
    versions = sorted(
        p for p in link.parent.glob(f"{link.name}.*") if p.is_dir() and not p.name.startswith(".")
    )
    for old in versions[:-KEEP_VERSIONS]:
        if old.name != current:
            shutil.rmtree(old)


def publish(db_path: Path, published_db: Path) -> dict[str, Any]:
    """Copy the (closed) warehouse and export its analyst tables; both swapped in atomically."""
    copy_database(db_path, published_db)
    version = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    manifest = export_parquet(published_db, version)
    return {"database": str(published_db), "parquet": str(parquet_link(published_db)), "manifest": manifest}
