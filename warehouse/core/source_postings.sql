-- one row per posting of a source (source, source_id): its latest landed version and its dedup key
-- Keyed and merged: a build stages the new state, then MERGE INTO changes only the rows that differ.
create table if not exists source_postings (
    source varchar not null,
    source_id varchar not null,
    board varchar,
    url varchar,
    title varchar,
    company varchar,
    locations varchar[],
    employment_type varchar,
    department varchar,
    content_hash varchar,
    date_posted timestamptz,
    first_seen_at timestamptz,
    last_seen_at timestamptz,
    posted_or_seen_at timestamptz,
    company_key varchar,
    title_key varchar,
    location_key varchar,
    dedup_key varchar,
    row_hash varchar,
    primary key (source, source_id)
);

create or replace temp table source_postings__next as
with versions as (
    select * from stg_job_postings
),

current_extractions as (
    select content_hash, cities, countries
    from extractions
    where extractor_version = (select value from warehouse_meta where key = 'extractor_version')
),

seen as (
    select
        source,
        source_id,
        min(first_fetched_at) as first_seen_at,
        max(last_fetched_at) as last_seen_at,
        min(date_posted) as date_posted
    from versions
    group by source, source_id
),

latest as (
    select *
    from versions
    qualify row_number() over (
        partition by source, source_id order by fetched_at desc, landing_file desc, line_no desc
    ) = 1
),

keyed as (
    select
        latest.source,
        latest.source_id,
        latest.board,
        latest.url,
        latest.title,
        latest.company,
        latest.locations,
        latest.employment_type,
        latest.department,
        latest.content_hash,
        seen.date_posted,
        seen.first_seen_at,
        seen.last_seen_at,
        coalesce(seen.date_posted, seen.first_seen_at) as posted_or_seen_at,
        -- the same employer however a board spells it: case, accents, punctuation, legal suffix
        trim(regexp_replace(regexp_replace(
            strip_accents(lower(coalesce(latest.company, latest.board, ''))),
            '[^a-z0-9]+', ' ', 'g'),
            '\b(inc|llc|ltd|limited|gmbh|corp|corporation|co|plc|sa|ag|bv|srl|oy|ab|pty)\b', '', 'g'
        )) as company_key_raw,
        -- the title without bracketed asides ("(Remote)", "[Berlin]") and punctuation
        trim(regexp_replace(
            regexp_replace(strip_accents(lower(latest.title)), '\([^)]*\)|\[[^\]]*\]', ' ', 'g'),
            '[^a-z0-9+#]+', ' ', 'g'
        )) as title_key,
        -- the place as the extractor resolved it (boards spell cities differently), else the raw text
        coalesce(
            e.cities[1],
            e.countries[1],
            trim(regexp_replace(strip_accents(lower(coalesce(latest.locations[1], ''))), '[^a-z0-9]+', ' ', 'g'))
        ) as location_key
    from latest
    join seen using (source, source_id)
    left join current_extractions as e using (content_hash)
),

final as (
    select
        * exclude (company_key_raw),
        regexp_replace(company_key_raw, ' +', ' ', 'g') as company_key,
        concat_ws('|', regexp_replace(company_key_raw, ' +', ' ', 'g'), title_key, location_key) as dedup_key
    from keyed
)

select *, md5(cast(final as varchar)) as row_hash from final;

merge into source_postings as t
using source_postings__next as n
on t.source = n.source and t.source_id = n.source_id
when matched and t.row_hash <> n.row_hash then update by name
when not matched then insert by name
when not matched by source then delete;

drop table source_postings__next;
