"""How a run learns it was told to stop (SIGTERM, SIGINT), shared by the command line that
catches the signal and the flows that check it between their steps."""

from __future__ import annotations

import signal
import threading

# The signal that stopped this run. An exception raised by the signal handler can be lost on the
# way (DuckDB turns one raised inside its query into its own "Query interrupted" error), so the
# run's outcome is read from here, not from the exception.
STOPPED_BY: list[int] = []
STOPPED = threading.Event()


class RunStopped(BaseException):
    """SIGTERM or SIGINT arrived during a run. A BaseException, as KeyboardInterrupt is: Prefect
    retries a task that raised an Exception, but marks the run crashed and unwinds on this."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def record(signum: int) -> None:
    if not STOPPED_BY:
        STOPPED_BY.append(signum)
        STOPPED.set()


def raise_if_stopped() -> None:
    """Between steps: a stop whose exception was lost inside a step ends the run here."""
    if STOPPED.is_set():
        raise RunStopped(STOPPED_BY[0])
