-- one row per posting month per skill: the share of that month's tech postings naming the skill
-- Every skill named in any tech posting gets a row for every month with tech postings (0 when
-- unnamed that month), with a Wilson 95% interval and the share a year before, for spotting
-- rising skills. Denominator: tech postings, as in ai_share.
create or replace table skill_trends as
with tech as (
    select posting_id, strftime(coalesce(date_posted, first_seen_at), '%Y-%m') as posted_month
    from postings
    where is_tech
),

month_sizes as (
    select posted_month, count(*) as n_tech_postings from tech group by posted_month
),

named as (
    select
        tech.posted_month,
        posting_skills.skill_id,
        count(distinct posting_skills.posting_id) as n_postings,
        count(distinct posting_skills.posting_id) filter (where requirement = 'required') as n_required
    from posting_skills
    join tech using (posting_id)
    group by tech.posted_month, posting_skills.skill_id
),

skills_named as (
    select skill_id, any_value(skill_name) as skill_name, any_value(category) as category, any_value(is_ai) as is_ai
    from posting_skills
    semi join tech using (posting_id)
    group by skill_id
),

filled as (
    select
        month_sizes.posted_month,
        skills_named.skill_id,
        skills_named.skill_name,
        skills_named.category,
        skills_named.is_ai,
        month_sizes.n_tech_postings,
        coalesce(named.n_postings, 0) as n_postings,
        coalesce(named.n_required, 0) as n_required
    from month_sizes
    cross join skills_named
    left join named using (posted_month, skill_id)
),

final as (
    select
        filled.posted_month,
        filled.skill_id,
        filled.skill_name,
        filled.category,
        filled.is_ai,
        filled.n_tech_postings,
        filled.n_postings,
        filled.n_postings / filled.n_tech_postings as skill_share,
        wilson_low(filled.n_postings, filled.n_tech_postings) as skill_share_ci_low,
        wilson_high(filled.n_postings, filled.n_tech_postings) as skill_share_ci_high,
        filled.n_required / filled.n_tech_postings as required_share,
        year_before.n_postings / year_before.n_tech_postings as skill_share_year_before,
        year_before.n_tech_postings as n_tech_postings_year_before,
        'skill_trends.v1' as method_version
    from filled
    left join filled as year_before
        on year_before.skill_id = filled.skill_id
        and year_before.posted_month = strftime(strptime(filled.posted_month, '%Y-%m') - interval 12 months, '%Y-%m')
)

select * from final order by posted_month, skill_id;
