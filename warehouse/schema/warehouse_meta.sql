-- one row per setting of the warehouse (e.g. the extractor version the core tables use)
create table if not exists warehouse_meta (
    key varchar primary key,
    value varchar not null,
    updated_at timestamptz not null
);
