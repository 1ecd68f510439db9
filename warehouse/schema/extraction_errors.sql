-- one row per posting content the extractor could not extract, with its reason (the error
-- record of the extraction contract); the check assert_postings_extracted fails while any
-- posting has no extraction, and this table says why
create table if not exists extraction_errors (
    content_hash varchar not null,
    extractor_version varchar not null,
    error varchar not null,
    failed_at timestamptz not null,
    primary key (content_hash, extractor_version)
);
