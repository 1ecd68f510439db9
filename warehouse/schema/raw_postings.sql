-- one row per distinct landed record (source, record hash): the crawl's item and the untouched
-- source record, as first landed. A record fetched again unchanged adds no row here; its
-- sighting is counted in raw_sightings.
create table if not exists raw_postings (
    source varchar not null,
    record_hash varchar not null,   -- SHA-256 of the item (less fetched_at) and the source record
    run_id varchar not null,
    landing_file varchar not null,
    line_no integer not null,
    fetched_at timestamptz,
    item json not null,
    record json,
    primary key (source, record_hash)
);
