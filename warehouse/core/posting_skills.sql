-- one row per posting per skill, at the strongest requirement level the posting states it
create or replace table posting_skills as
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
        hit.matched_text,
        hit."start" as start_char
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

select * from final;
