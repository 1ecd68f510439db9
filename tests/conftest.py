from __future__ import annotations

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
