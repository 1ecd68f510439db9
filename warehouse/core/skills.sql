-- one row per skill of the taxonomy
create table if not exists skills (
    skill_id varchar not null,
    skill_name varchar not null,
    category varchar not null,
    is_ai boolean not null,
    cluster varchar,
    aliases varchar[],
    taxonomy_version varchar not null,
    row_hash varchar,
    primary key (skill_id)
);

create or replace temp table skills__next as
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

select *, md5(cast(final as varchar)) as row_hash from final;

merge into skills as t
using skills__next as n
on t.skill_id = n.skill_id
when matched and t.row_hash <> n.row_hash then update by name
when not matched then insert by name
when not matched by source then delete;

drop table skills__next;
