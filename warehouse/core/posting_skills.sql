-- one row per posting per skill, at the strongest requirement level the posting states it
create table if not exists posting_skills (
    posting_id varchar not null,
    skill_id varchar not null,
    skill_name varchar,
    category varchar,
    is_ai boolean,
    requirement varchar,
    matched_text varchar,
    row_hash varchar,
    primary key (posting_id, skill_id)
);

create or replace temp table posting_skills__next as
with postings as (
    select posting_id, content_hash, extractor_version from postings where extractor_version is not null
),

hits as (
    select postings.posting_id, unnest(extractions.skills) as hit
    from postings
    join extractions using (content_hash, extractor_version)
),

ranked as (
    select
        posting_id,
        hit.skill_id,
        hit.name as skill_name,
        hit.category,
        hit.is_ai,
        hit.requirement,
        hit.matched_text
    from hits
    qualify row_number() over (
        partition by posting_id, hit.skill_id
        order by case hit.requirement when 'required' then 1 when 'preferred' then 2 else 3 end, hit."start"
    ) = 1
),

final as (
    select posting_id, skill_id, skill_name, category, is_ai, requirement, matched_text
    from ranked
)

select *, md5(cast(final as varchar)) as row_hash from final;

merge into posting_skills as t
using posting_skills__next as n
on t.posting_id = n.posting_id and t.skill_id = n.skill_id
when matched and t.row_hash <> n.row_hash then update by name
when not matched then insert by name
when not matched by source then delete;

drop table posting_skills__next;
