-- one row per distinct landed Lever record (a version of a posting), typed
-- Lever's categories carry the department and team; createdAt is epoch milliseconds and is
-- already date_posted; the postings API sends no update time.
create or replace view stg_lever__postings as
with items as (
    select * from stg_posting_items('lever')
),

final as (
    select
        * exclude (record),
        cast(null as varchar) as source_job_id,
        cast(null as varchar) as requisition_id,
        coalesce(record ->> '$.categories.department', record ->> '$.categories.team') as department,
        cast(null as timestamptz) as source_updated_at
    from items
)

select * from final;
