-- one row per distinct landed remotejobs.org record (a version of a posting), typed
-- remotejobs.org lists remote jobs only; category is the board's own label, salary_text its pay line.
create or replace view stg_remotejobsorg__postings as
with items as (
    select * from stg_posting_items('remotejobsorg')
),

final as (
    select
        * exclude (record),
        record ->> '$.category.name' as department,
        record ->> '$.salary_text' as salary_text
    from items
)

select * from final;
