-- one row per distinct landed SmartRecruiters record (a version of a posting), typed
-- The record is the posting's detail; experienceLevel is the board's own level (never seniority by itself).
create or replace view stg_smartrecruiters__postings as
with items as (
    select * from stg_posting_items('smartrecruiters')
),

final as (
    select
        * exclude (record),
        record ->> '$.department.label' as department,
        record ->> '$.experienceLevel.label' as source_level,
        record ->> '$.refNumber' as requisition_id
    from items
)

select * from final;
