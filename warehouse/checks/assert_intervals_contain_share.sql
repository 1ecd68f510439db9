-- failing rows: an interval that does not contain its share (1e-12 slack for rounding)
with intervals as (
    select 'ai_share' as mart, ai_share as share, ai_share_ci_low as low, ai_share_ci_high as high from ai_share
    union all
    select 'ai_required_share', ai_required_share, ai_required_share_ci_low, ai_required_share_ci_high from ai_share
    union all
    select 'remote_share', remote_share, remote_share_ci_low, remote_share_ci_high from remote_share
    union all
    select 'hybrid_share', hybrid_share, hybrid_share_ci_low, hybrid_share_ci_high from remote_share
    union all
    select 'remote_or_hybrid_share', remote_or_hybrid_share, remote_or_hybrid_share_ci_low,
        remote_or_hybrid_share_ci_high from remote_share
    union all
    select 'country_growth', growth, growth_ci_low, growth_ci_high from country_growth
    union all
    select 'country_growth_month', month_growth, month_growth_ci_low, month_growth_ci_high from country_growth
    union all
    select 'skill_trends', skill_share, skill_share_ci_low, skill_share_ci_high from skill_trends
    union all
    select 'top_cities', share, share_ci_low, share_ci_high from top_cities
)
select * from intervals
where share is not null and (low > share + 1e-12 or high < share - 1e-12);
