-- one row per run per headline metric: what each run published, so the next can see what moved
create table if not exists run_metrics (
    run_id varchar not null,
    metric varchar not null,
    value double,
    n integer,
    ci_low double,
    ci_high double,
    recorded_at timestamptz not null,
    primary key (run_id, metric)
);
