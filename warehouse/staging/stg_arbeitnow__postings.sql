-- one row per distinct landed Arbeitnow record (a version of a posting), typed
-- Arbeitnow's remote flag is true for remote listings; false often just means unset.
create or replace view stg_arbeitnow__postings as
with items as (
    select * from stg_posting_items('arbeitnow')
),

final as (
    select
        * exclude (record),
        cast(coalesce(record -> '$.tags', '[]') as varchar[]) as tags,
        cast(record ->> '$.remote' as boolean) as is_remote_flag
    from items
)

select * from final;
