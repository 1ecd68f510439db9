-- one row per skill of the taxonomy
create or replace table skills as
with taxonomy as (
    select * from raw_skills_taxonomy
),

final as (
    select
        skill_id,
        name as skill_name,
        category,
        is_ai,
        cluster,
        string_split(aliases, '|') as aliases,
        taxonomy_version
    from taxonomy
)

select * from final;
