"""Retries that back off, and that honour a server's Retry-After.

Scrapy's own RetryMiddleware re-sends at once; against a server that is overloaded (5xx) or
rate-limiting us (429) that is the impolite thing to do. This one waits before each retry:
``Retry-After`` when the server sends one (seconds or an HTTP date), else an exponential
backoff (``RETRY_BACKOFF_BASE`` × 2^attempt, capped at ``RETRY_BACKOFF_MAX``). A server that asks
for longer than ``RETRY_AFTER_MAX`` is not waited for: the response stands and is quarantined
with its status, and the next run tries again. The wait does not block other requests."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Request, Response
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.task import deferLater


def retry_after_seconds(value: bytes | str | None) -> float | None:
    """Seconds from a Retry-After header value, or None when absent or unreadable."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class BackoffRetryMiddleware(RetryMiddleware):
    def __init__(self, settings):
        super().__init__(settings)
        self.backoff_base = settings.getfloat("RETRY_BACKOFF_BASE", 1.0)
        self.backoff_max = settings.getfloat("RETRY_BACKOFF_MAX", 60.0)
        self.retry_after_max = settings.getfloat("RETRY_AFTER_MAX", 300.0)

    def backoff(self, request: Request) -> float:
        attempt = request.meta.get("retry_times", 0)
        return min(self.backoff_max, self.backoff_base * 2**attempt)

    async def wait(self, seconds: float, why: str) -> None:
        if seconds <= 0:
            return
        stats = self.crawler.stats
        stats.inc_value("retry/wait_count")
        stats.inc_value("retry/wait_seconds", round(seconds, 3))
        if why == "retry-after":
            stats.inc_value("retry/retry_after_honoured")
        from twisted.internet import reactor  # here, not at import: Scrapy installs its reactor first

        await maybe_deferred_to_future(deferLater(reactor, seconds, lambda: None))

    async def process_response(self, request: Request, response: Response) -> Request | Response:
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        asked = (
            retry_after_seconds(response.headers.get(b"Retry-After"))
            if response.status in (429, 503)
            else None
        )
        if asked is not None and asked > self.retry_after_max:
            self.crawler.stats.inc_value("retry/retry_after_too_long")
            return response
        retry = self._retry(request, f"{response.status} {'Retry-After' if asked is not None else 'backoff'}")
        if retry is None:
            return response
        await self.wait(
            asked if asked is not None else self.backoff(request),
            "retry-after" if asked is not None else "backoff",
        )
        return retry

    async def process_exception(self, request: Request, exception: Exception) -> Request | Response | None:
        if not isinstance(exception, self.exceptions_to_retry) or request.meta.get("dont_retry", False):
            return None
        retry = self._retry(request, exception)
        if retry is not None:
            await self.wait(self.backoff(request), "backoff")
        return retry
