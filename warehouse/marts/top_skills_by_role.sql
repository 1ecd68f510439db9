-- one row per role per skill: the share of the role's postings that name the skill
create or replace table top_skills_by_role as
with role_sizes as (
    select role, count(*) as n_role_postings from postings where role is not null group by role
),

skill_counts as (
    select
        postings.role,
        posting_skills.skill_id,
        any_value(posting_skills.skill_name) as skill_name,
        any_value(posting_skills.is_ai) as is_ai,
        count(distinct posting_skills.posting_id) as n_postings,
        count(distinct posting_skills.posting_id) filter (where requirement = 'required') as n_required
    from posting_skills
    join postings using (posting_id)
    group by postings.role, posting_skills.skill_id
),

final as (
    select
        skill_counts.role,
        skill_id,
        skill_name,
        is_ai,
        n_role_postings,
        n_postings,
        n_postings / n_role_postings as skill_share,
        n_required / n_role_postings as required_share,
        rank() over (partition by skill_counts.role order by n_postings desc, skill_id) as skill_rank,
        'top_skills_by_role.v1' as method_version
    from skill_counts
    join role_sizes using (role)
)

select * from final order by role, skill_rank;
