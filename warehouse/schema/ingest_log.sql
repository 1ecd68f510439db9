-- one row per landing file loaded; the file's SHA-256 is the key, so a file loads once
create table if not exists ingest_log (
    file_hash varchar primary key,
    path varchar not null,
    source varchar not null,
    run_id varchar not null,
    kind varchar not null,          -- postings | quarantine
    n_records integer not null,
    loaded_at timestamptz not null
);
