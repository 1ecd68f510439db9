-- one row per rejected record (crawl quarantine files and unreadable landing lines), with its reason
create table if not exists raw_quarantine (
    source varchar not null,
    run_id varchar not null,
    landing_file varchar not null,
    line_no integer not null,
    reason varchar not null,
    detail varchar,
    url varchar,
    fetched_at timestamptz,
    record json,
    primary key (landing_file, line_no)
);
