"""spaCy extraction: postings' text to skills, remote status, role, seniority, salary and place.

This package never imports Scrapy: it reads plain records and can run anywhere."""

# Bump on any change that can alter an extracted value: the warehouse stores it beside every
# result and re-extracts postings whose stored version differs.
EXTRACTOR_VERSION = "0.3.0"
