from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from scrapy.http import TextResponse

from demo.replay import ReplayServer

FIXTURES = Path(__file__).parent / "fixtures"
API_FIXTURES = FIXTURES / "api"
SHARED_SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"


@pytest.fixture(scope="session")
def api_server():
    """The project's own API fixtures, served under the real paths on 127.0.0.1."""
    with ReplayServer(API_FIXTURES) as server:
        yield server


def fixture_response(url: str, path: Path) -> TextResponse:
    return TextResponse(url=url, body=path.read_bytes(), headers={"Content-Type": "application/json"})


def shared_sample(name: str) -> Path:
    path = SHARED_SAMPLES / name
    if not path.exists():
        pytest.skip(f"{path} is not here (a fresh clone has no ../shared)")
    return path


@pytest.fixture(scope="session")
def demo_warehouse(tmp_path_factory):
    """The published copy of a warehouse built by the real ``jobmarket demo``, once per session;
    tests that write to it work on a copy of its data folder."""
    data = tmp_path_factory.mktemp("demo") / "data"
    done = subprocess.run([sys.executable, "-m", "flows.cli", "demo", "--warehouse", str(data / "warehouse.duckdb")],
                          capture_output=True, text=True, timeout=600)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    return data / "published" / "warehouse.duckdb"


@pytest.fixture
def extractor_bug(monkeypatch):
    """A rule that raises on any text holding "BOOM": one record's extraction fails, the rest work."""
    from pipelines import salary

    real = salary.from_text

    def fails_on_one(text, country):
        if "BOOM" in (text or ""):
            raise ValueError("a rule's bug")
        return real(text, country)

    monkeypatch.setattr(salary, "from_text", fails_on_one)
