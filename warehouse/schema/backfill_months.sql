-- one row per month of history loaded by the backfill flow: a month here is not crawled again
create table if not exists backfill_months (
    source varchar not null,
    month varchar not null,          -- YYYY-MM
    run_id varchar not null,
    n_postings integer not null,
    loaded_at timestamptz not null,
    primary key (source, month)
);
