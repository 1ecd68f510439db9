-- one row per distinct landed The Muse record (a version of a posting), typed
-- levels and categories are The Muse's own labels.
create or replace view stg_themuse__postings as
with items as (
    select * from stg_posting_items('themuse')
),

final as (
    select
        * exclude (record),
        record ->> '$.levels[0].name' as source_level,
        record ->> '$.categories[0].name' as department
    from items
)

select * from final;
