-- one row per distinct landed Ashby record (a version of a posting), typed
-- Ashby's own isRemote is true on many hybrid postings: kept apart (is_remote_flag), not as the workplace.
create or replace view stg_ashby__postings as
with items as (
    select * from stg_posting_items('ashby')
),

final as (
    select
        * exclude (record),
        record ->> '$.department' as department,
        record ->> '$.team' as team,
        cast(record ->> '$.isRemote' as boolean) as is_remote_flag
    from items
)

select * from final;
