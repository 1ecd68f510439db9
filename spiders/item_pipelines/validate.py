from __future__ import annotations

from typing import Any

from spiders.items import JobPosting, QuarantinedRecord


class ValidatePostingPipeline:
    """Turns an incomplete or inconsistent JobPosting into a QuarantinedRecord with its reasons.

    A half-parsed posting must never land as if it were whole: it would be counted in the
    statistics with the gaps looking like real absences."""

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, JobPosting):
            return item
        problems = item.problems()
        if not problems:
            return item
        return QuarantinedRecord(
            source=item.source or "unknown",
            reason=problems[0],
            detail=", ".join(problems),
            url=item.url or None,
            fetched_at=item.fetched_at,
            record=item.record,
        )
