-- one row per distinct landed Greenhouse record (a version of a job post), typed
-- Greenhouse publishes one job (internal_job_id) as several job posts, one per location; the
-- posts stay separate postings (location is part of the dedup key), the job id is kept here.
create or replace view stg_greenhouse__postings as
with items as (
    select * from stg_posting_items('greenhouse')
),

final as (
    select
        * exclude (record),
        record ->> '$.internal_job_id' as source_job_id,
        nullif(record ->> '$.requisition_id', '') as requisition_id,
        record ->> '$.departments[0].name' as department,
        try_cast(record ->> '$.updated_at' as timestamptz) as source_updated_at
    from items
)

select * from final;
