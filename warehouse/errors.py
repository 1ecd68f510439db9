"""Errors a reader of the warehouse is told about in one line (kept apart from the loader, so
that the command line can name them without importing DuckDB)."""


class WarehouseLocked(RuntimeError):
    """The file is held by a writer in another process (DuckDB allows one writer, and readers
    only when nobody writes)."""
