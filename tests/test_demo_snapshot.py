import json
from datetime import datetime

from demo.generate import GENERATOR_VERSION, SNAPSHOT_DIGEST, generate, snapshot_digest
from pipelines.geo import parse_locations


def test_snapshot_is_deterministic_and_big_enough(tmp_path):
    a = generate(tmp_path / "a")
    generate(tmp_path / "b")
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file())
    for rel in files:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes(), rel
    assert sum(a["n_postings"].values()) >= 2000

    months, countries = set(), set()
    for path in (tmp_path / "a" / "v1").rglob("*.json"):
        for job in json.loads(path.read_text())["jobs"]:
            if "first_published" in job:
                months.add(job["first_published"][:7])
                countries.update(parse_locations(job["location"]["name"]).countries)
    for path in (tmp_path / "a" / "v0").rglob("*.json"):
        for posting in json.loads(path.read_text()):
            if "createdAt" in posting:
                months.add(datetime.fromtimestamp(posting["createdAt"] / 1000).strftime("%Y-%m"))
                countries.add(posting["country"])
    assert len(months) >= 24
    assert len(countries) >= 15


def test_snapshot_digest_is_pinned_to_the_generator_version(tmp_path):
    # Fails when the generator's output changes: bump GENERATOR_VERSION and update SNAPSHOT_DIGEST,
    # so that ensure_snapshot regenerates old snapshots instead of replaying them.
    generate(tmp_path / "s")
    assert snapshot_digest(tmp_path / "s") == SNAPSHOT_DIGEST, GENERATOR_VERSION
