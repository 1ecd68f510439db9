-- failing rows: a share or an interval bound outside [0, 1]
with shares as (
    select 'ai_share' as mart, unnest([ai_share, ai_share_ci_low, ai_share_ci_high,
        ai_required_share, ai_required_share_ci_low, ai_required_share_ci_high]) as value from ai_share
    union all
    select 'remote_share', unnest([remote_share, remote_share_ci_low, remote_share_ci_high, hybrid_share,
        hybrid_share_ci_low, hybrid_share_ci_high, remote_or_hybrid_share, remote_or_hybrid_share_ci_low,
        remote_or_hybrid_share_ci_high]) from remote_share
    union all
    select 'top_skills_by_role', unnest([skill_share, required_share]) from top_skills_by_role
    union all
    select 'skill_trends', unnest([skill_share, skill_share_ci_low, skill_share_ci_high, required_share,
        skill_share_year_before]) from skill_trends
    union all
    select 'top_cities', unnest([share, share_ci_low, share_ci_high]) from top_cities
)
select * from shares where value < 0 or value > 1 or isnan(value);
