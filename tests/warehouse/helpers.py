"""Landing files written the way the crawl writes them, and the warehouse's stages run on them."""

import json

from spiders.items import JobPosting
from warehouse import MARTS, loader, stages


def posting(source, sid, title, company, location, fetched, **kw):
    return JobPosting(
        source=source, source_id=sid, url=f"https://example.org/{source}/{sid}", title=title, company=company,
        description_html=kw.pop("description", "<p>Requirements</p><ul><li>Python and PyTorch</li></ul>"),
        locations_raw=[location], date_posted=kw.pop("date_posted", "2026-05-01T00:00:00+00:00"),
        fetched_at=fetched, record={"id": sid}, **kw,
    )  # fmt: skip


def write_landing(raw, source, run_id, items, extra_lines=()):
    path = raw / source / f"{run_id}.jsonl"
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(i.landing_line()) for i in items] + list(extra_lines)
    path.write_text("\n".join(lines) + "\n")
    return path


def refresh_warehouse(db, raw, work, order=None):
    loaded = stages.load_landing(db, raw, order)
    extracted = stages.extract_pending(db, work, "test")
    built = stages.build(db)
    return loaded, extracted["pending"], built["counts"], built["checks"]


def checksums(db):
    with loader.connect(db, read_only=True) as con:
        out = {}
        for table in ["postings", "posting_sources", "posting_skills", *MARTS]:
            cols = [
                r[0]
                for r in con.execute(f"describe {table}").fetchall()
                # when a record was seen depends on when it was fetched; row_hash hashes those too
                if r[0] not in ("first_seen_at", "last_seen_at", "row_hash")
            ]
            out[table] = con.execute(
                f"select count(*), hash(string_agg(cast(row({', '.join(cols)}) as varchar), '|' "
                f"order by cast(row({', '.join(cols)}) as varchar))) from {table}"
            ).fetchone()
        return out
