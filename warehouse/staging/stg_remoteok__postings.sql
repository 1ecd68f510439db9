-- one row per distinct landed RemoteOK record (a version of a posting), typed
-- RemoteOK lists remote jobs only; its tags are the board's own labels.
create or replace view stg_remoteok__postings as
with items as (
    select * from stg_posting_items('remoteok')
),

final as (
    select
        * exclude (record),
        cast(coalesce(record -> '$.tags', '[]') as varchar[]) as tags
    from items
)

select * from final;
