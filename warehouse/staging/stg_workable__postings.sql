-- one row per distinct landed Workable record (a version of a posting), typed
-- Workable's telecommuting flag is true for remote jobs; false does not say on-site.
create or replace view stg_workable__postings as
with items as (
    select * from stg_posting_items('workable')
),

final as (
    select
        * exclude (record),
        record ->> '$.department' as department,
        nullif(record ->> '$.experience', '') as source_level,
        cast(record ->> '$.telecommuting' as boolean) as is_remote_flag
    from items
)

select * from final;
