-- one row per distinct landed Himalayas record (a version of a posting), typed
-- Himalayas lists remote jobs only; seniority and categories are the board's own labels.
create or replace view stg_himalayas__postings as
with items as (
    select * from stg_posting_items('himalayas')
),

final as (
    select
        * exclude (record),
        array_to_string(cast(coalesce(record -> '$.seniority', '[]') as varchar[]), ', ') as source_level,
        cast(coalesce(record -> '$.categories', '[]') as varchar[]) as tags
    from items
)

select * from final;
