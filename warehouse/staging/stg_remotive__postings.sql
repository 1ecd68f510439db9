-- one row per distinct landed Remotive record (a version of a posting), typed
-- Remotive lists remote jobs only; category and tags are the board's own labels.
create or replace view stg_remotive__postings as
with items as (
    select * from stg_posting_items('remotive')
),

final as (
    select
        * exclude (record),
        record ->> '$.category' as department,
        cast(coalesce(record -> '$.tags', '[]') as varchar[]) as tags
    from items
)

select * from final;
