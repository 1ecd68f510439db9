-- one row per distinct landed Hacker News "Who is hiring?" comment (a version of a posting), typed
-- The record is the top-level comment (without replies) and the month of its thread.
create or replace view stg_hn_whoishiring__postings as
with items as (
    select * from stg_posting_items('hn_whoishiring')
),

final as (
    select
        * exclude (record),
        record ->> '$.thread_month' as thread_month,
        record ->> '$.story_id' as source_job_id
    from items
)

select * from final;
