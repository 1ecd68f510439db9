"""Tables the extractor builds from a library's bundled data, kept between processes.

The ECB rate history (a zipped CSV) and the GeoNames city list (a JSON of 25,000 cities) take
about 1.2 s to parse, which a short ``jobmarket extract`` would otherwise spend before its first
posting on every run. The built table is pickled once under the user's cache directory, keyed by
the source files' paths, sizes and modification times and by this module's format version, so an
upgraded library or a changed file builds it anew. The cache is only an accelerator: a directory
that cannot be written, or a file that cannot be read back, means the table is built as before.

``JOBMARKET_CACHE_DIR`` moves the cache; ``JOBMARKET_CACHE_DIR=off`` turns it off.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
log = logging.getLogger(__name__)
FORMAT = 1


def cache_dir() -> Path | None:
    configured = os.environ.get("JOBMARKET_CACHE_DIR")
    if configured == "off":
        return None
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "jobmarket"


def _key(name: str, sources: Iterable[Path]) -> str:
    digest = hashlib.sha256(f"{name}\0{FORMAT}".encode())
    for source in sources:
        stat = source.stat()
        digest.update(f"\0{source.resolve()}\0{stat.st_size}\0{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def cached(name: str, sources: Iterable[Path], build: Callable[[], T]) -> T:
    """``build()``, or the copy a previous process pickled for the same ``sources``."""
    directory = cache_dir()
    if directory is None:
        return build()
    try:
        path = directory / f"{name}-{_key(name, sources)}.pickle"
    except OSError:
        return build()
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except FileNotFoundError:
        pass
    except Exception as exc:  # a truncated or foreign file: rebuild and overwrite it
        log.warning("cache %s unreadable (%s); rebuilding it", path, exc)
    value = build()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        for stale in directory.glob(f"{name}-*.pickle"):
            stale.unlink(missing_ok=True)
        # written beside and renamed, so a reader in another process never sees half a file
        with tempfile.NamedTemporaryFile("wb", dir=directory, delete=False, suffix=".tmp") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)
    except OSError as exc:
        log.debug("cache %s not written: %s", path, exc)
    return value
