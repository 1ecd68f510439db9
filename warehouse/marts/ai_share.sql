-- one row per posting month ('all' for all time) per country ('ALL' for every country)
-- Share of tech postings whose ai_involvement is required or preferred, and required only,
-- each with a Wilson 95% interval. A posting with several countries counts once in each and
-- once in 'ALL'; a posting with no country counts only in 'ALL'.
create or replace table ai_share as
with tech as (
    select
        posting_id,
        strftime(coalesce(date_posted, first_seen_at), '%Y-%m') as posted_month,
        ai_involvement,
        unnest(case when len(countries) = 0 or countries is null then [null] else countries end) as country
    from postings
    where is_tech
),

counted as (
    select
        coalesce(posted_month, 'all') as posted_month,
        case when grouping(country) = 1 then 'ALL' else country end as country,
        count(distinct posting_id) as n_tech_postings,
        count(distinct posting_id) filter (where ai_involvement in ('required', 'preferred')) as n_ai,
        count(distinct posting_id) filter (where ai_involvement = 'required') as n_ai_required
    from tech
    group by grouping sets ((posted_month, country), (posted_month), (country), ())
    -- an empty cell (only the grand total of an empty warehouse) carries no figure
    having not (grouping(country) = 0 and country is null) and count(distinct posting_id) > 0
),

final as (
    select
        posted_month,
        country,
        n_tech_postings,
        n_ai,
        n_ai / n_tech_postings as ai_share,
        wilson_low(n_ai, n_tech_postings) as ai_share_ci_low,
        wilson_high(n_ai, n_tech_postings) as ai_share_ci_high,
        n_ai_required,
        n_ai_required / n_tech_postings as ai_required_share,
        wilson_low(n_ai_required, n_tech_postings) as ai_required_share_ci_low,
        wilson_high(n_ai_required, n_tech_postings) as ai_required_share_ci_high,
        'ai_share.v1' as method_version
    from counted
)

select * from final order by posted_month, country;
