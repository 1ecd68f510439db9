"""Paths and sources, from one place. Precedence: CLI flag > environment variable > file."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spiders.run import spider_names

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCES = PROJECT_ROOT / "sources.toml"


class ConfigError(ValueError):
    """A user's configuration mistake: reported as one line, exit code 2."""


def data_dir() -> Path:
    return Path(os.environ.get("JOBMARKET_DATA_DIR", PROJECT_ROOT / "data")).resolve()


def default_warehouse() -> Path:
    return Path(os.environ.get("JOBMARKET_WAREHOUSE", data_dir() / "warehouse.duckdb"))


@dataclass
class Paths:
    warehouse: Path
    raw_dir: Path
    work_dir: Path
    published: Path

    @classmethod
    def for_warehouse(cls, warehouse: Path | str | None = None) -> Paths:
        """Everything a run writes lives beside its warehouse file (data/ by default)."""
        warehouse = Path(warehouse or default_warehouse()).resolve()
        base = warehouse.parent
        return cls(
            warehouse=warehouse,
            raw_dir=base / "raw",
            work_dir=base / "work",
            published=base / "published" / warehouse.name,
        )


@dataclass
class SourceConfig:
    name: str
    base_url: str | None = None
    boards: list[str] = field(default_factory=list)
    # any other key of the source's table, passed to the spider as `-a key=value` (e.g. months)
    options: dict[str, str] = field(default_factory=dict)


@dataclass
@dataclass
class Quality:
    """The run's gates (``[quality]`` in the sources file): a run beyond any of them fails."""

    max_quarantine_share: float = 0.2  # of a source's records
    max_share_move: float = 0.10  # a headline share, since the last run (0.10 = 10 points)
    max_growth_move: float = 0.50  # the headline YoY growth, since the last run
    min_n: int = 100  # postings both runs must rest on before a move counts


@dataclass
class Config:
    sources: list[SourceConfig]
    contact_url: str | None = None
    path: Path | None = None
    crawl_timeout: float = 1800.0  # seconds per source's crawl subprocess
    quality: Quality = field(default_factory=lambda: Quality())


def load_config(path: Path | str | None = None) -> Config:
    path = Path(path or os.environ.get("JOBMARKET_SOURCES", DEFAULT_SOURCES))
    if not path.exists():
        raise ConfigError(f"config file not found: {path}")
    try:
        data: dict[str, Any] = tomllib.loads(path.read_text())
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    tables = data.get("sources")
    if not isinstance(tables, dict) or not tables:
        raise ConfigError(f"{path}: no [sources.<spider name>] tables")
    sources = []
    for name, table in tables.items():
        if name not in spider_names():
            raise ConfigError(
                f"{path}: [sources.{name}]: no such spider (known: {', '.join(spider_names())})"
            )
        boards = table.get("boards", [])
        if not isinstance(boards, list) or not all(isinstance(b, str) for b in boards):
            raise ConfigError(f"{path}: [sources.{name}].boards must be a list of strings")
        base_url = table.get("base_url")
        if base_url is not None and not str(base_url).startswith(("http://", "https://")):
            raise ConfigError(f"{path}: [sources.{name}].base_url must start with http:// or https://")
        options = {}
        for key, value in table.items():
            if key in ("boards", "base_url"):
                continue
            if isinstance(value, list) and all(isinstance(v, str) for v in value):
                value = ",".join(value)
            if not isinstance(value, str | int):
                raise ConfigError(
                    f"{path}: [sources.{name}].{key} must be a string, a number or a list of strings"
                )
            options[key] = str(value)
        if "months" in options:
            from spiders.platforms.hn_algolia import month_list

            try:
                month_list(options["months"])
            except ValueError as exc:
                raise ConfigError(f"{path}: [sources.{name}].months: {exc}") from None
        sources.append(SourceConfig(name=name, base_url=base_url, boards=boards, options=options))
    crawl = data.get("crawl") or {}
    quality = Quality()
    for key, value in (data.get("quality") or {}).items():
        if not hasattr(quality, key) or not isinstance(value, int | float) or value < 0:
            raise ConfigError(f"{path}: [quality].{key}: unknown, or not a number >= 0")
        setattr(quality, key, type(getattr(quality, key))(value))
    timeout = crawl.get("timeout_seconds", 1800)
    if not isinstance(timeout, int | float) or timeout <= 0:
        raise ConfigError(f"{path}: [crawl].timeout_seconds must be a number > 0")
    return Config(sources=sources, contact_url=crawl.get("contact_url"), path=path, crawl_timeout=float(timeout),
                  quality=quality)  # fmt: skip


def configure_prefect(base: Path | None = None) -> None:
    """Prefect's home inside the data folder, telemetry off, and a start-up timeout that suits
    a 2-core machine (its ephemeral server takes 17-30 s here, beyond the 20 s default).
    Call before importing prefect; values already in the environment win."""
    home = (base or data_dir()) / "prefect"
    home.mkdir(parents=True, exist_ok=True)
    defaults = {
        "PREFECT_HOME": str(home),
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        "PREFECT_LOGGING_LEVEL": "WARNING",
    }
    for key, value in defaults.items():
        os.environ.setdefault(key, value)
