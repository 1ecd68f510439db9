-- one row per posting of a source (source, source_id): its latest landed version
create or replace table source_postings as
with versions as (
    select * from stg_job_postings
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

final as (
    select
        latest.source,
        latest.source_id,
        latest.board,
        latest.url,
        latest.title,
        latest.company,
        latest.locations,
        latest.employment_type,
        latest.content_hash,
        seen.date_posted,
        seen.first_seen_at,
        seen.last_seen_at,
        -- the dedup key: the same company, title and place is the same job (see warehouse/README.md)
        concat_ws(
            '|',
            lower(trim(coalesce(latest.company, latest.board, ''))),
            trim(regexp_replace(lower(latest.title), '[^a-z0-9]+', ' ', 'g')),
            trim(regexp_replace(lower(coalesce(latest.locations[1], '')), '[^a-z0-9]+', ' ', 'g'))
        ) as dedup_key
    from latest
    join seen using (source, source_id)
)

select * from final;
