-- one row per distinct landed record: when it was first and last fetched, and how often
create table if not exists raw_sightings (
    source varchar not null,
    record_hash varchar not null,
    first_fetched_at timestamptz,
    last_fetched_at timestamptz,
    n_sightings integer not null,
    primary key (source, record_hash)
);
