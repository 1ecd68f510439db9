-- one row per distinct landed schema.org JobPosting from a career page (a version of a posting), typed
-- The record is the JobPosting object as the page published it.
create or replace view stg_jsonld__postings as
with items as (
    select * from stg_posting_items('jsonld')
),

final as (
    select
        * exclude (record),
        record ->> '$.validThrough' as valid_through
    from items
)

select * from final;
