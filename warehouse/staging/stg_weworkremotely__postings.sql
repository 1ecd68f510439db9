-- one row per distinct landed We Work Remotely RSS item (a version of a posting), typed
-- We Work Remotely lists remote jobs only; region is where a candidate may live, category the feed's.
create or replace view stg_weworkremotely__postings as
with items as (
    select * from stg_posting_items('weworkremotely')
),

final as (
    select
        * exclude (record),
        record ->> '$.category' as department,
        record ->> '$.region' as region
    from items
)

select * from final;
