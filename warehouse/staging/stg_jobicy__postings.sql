-- one row per distinct landed Jobicy record (a version of a posting), typed
-- Jobicy lists remote jobs only; jobLevel is the board's own level (never seniority by itself).
create or replace view stg_jobicy__postings as
with items as (
    select * from stg_posting_items('jobicy')
),

final as (
    select
        * exclude (record),
        record ->> '$.jobLevel' as source_level,
        cast(coalesce(record -> '$.jobIndustry', '[]') as varchar[]) as tags
    from items
)

select * from final;
