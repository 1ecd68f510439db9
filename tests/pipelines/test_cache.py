"""The table cache: built once, read back by the next call, rebuilt when its source changes or
its file is damaged, and never in the way when the directory cannot be written."""

import os

from pipelines import cache


def test_built_once_then_read_back(tmp_path, monkeypatch):
    monkeypatch.setenv("JOBMARKET_CACHE_DIR", str(tmp_path / "cache"))
    source = tmp_path / "source.csv"
    source.write_text("a,b\n")
    builds = []

    def build():
        builds.append(1)
        return {"rows": [1, 2, 3]}

    assert cache.cached("table", [source], build) == {"rows": [1, 2, 3]}
    assert cache.cached("table", [source], build) == {"rows": [1, 2, 3]}
    assert len(builds) == 1
    # a changed source is a new key, and the stale file is removed
    source.write_text("a,b,c\n")
    os.utime(source, ns=(1, 1))
    assert cache.cached("table", [source], build) == {"rows": [1, 2, 3]}
    assert len(builds) == 2
    assert len(list((tmp_path / "cache").glob("table-*.pickle"))) == 1


def test_damaged_file_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("JOBMARKET_CACHE_DIR", str(tmp_path))
    source = tmp_path / "source.csv"
    source.write_text("x")
    cache.cached("table", [source], lambda: [1])
    (written,) = tmp_path.glob("table-*.pickle")
    written.write_bytes(b"not a pickle")
    assert cache.cached("table", [source], lambda: [2]) == [2]
    assert cache.cached("table", [source], lambda: [3]) == [2]


def test_unwritable_or_off(tmp_path, monkeypatch):
    source = tmp_path / "source.csv"
    source.write_text("x")
    blocked = tmp_path / "file"
    blocked.write_text("a file where the directory should be")
    monkeypatch.setenv("JOBMARKET_CACHE_DIR", str(blocked / "cache"))
    assert cache.cached("table", [source], lambda: [1]) == [1]
    monkeypatch.setenv("JOBMARKET_CACHE_DIR", "off")
    assert cache.cache_dir() is None
    assert cache.cached("table", [source], lambda: [2]) == [2]
