-- one row per country ('ALL' for every country): AI-role postings, last 12 months vs the 12 before
-- The window ends with the latest posting month in the warehouse. Growth = recent / prior - 1;
-- its 95% interval comes from the log ratio of two Poisson counts,
-- exp(ln(a / b) +/- 1.96 * sqrt(1/a + 1/b)) - 1. Not reportable when either count is under 30.
create or replace table country_growth as
with ai_postings as (
    select
        posting_id,
        date_trunc('month', coalesce(date_posted, first_seen_at)) as posted_month,
        unnest(case when len(countries) = 0 or countries is null then [null] else countries end) as country
    from postings
    where is_ai_role(role)
),

window_end as (
    select max(posted_month) as end_month from ai_postings
),

windowed as (
    select
        ai_postings.*,
        case
            when posted_month > end_month - interval 12 months then 'recent'
            when posted_month > end_month - interval 24 months then 'prior'
        end as period
    from ai_postings, window_end
),

counted as (
    select
        case when grouping(country) = 1 then 'ALL' else country end as country,
        count(distinct posting_id) filter (where period = 'recent') as n_recent,
        count(distinct posting_id) filter (where period = 'prior') as n_prior
    from windowed
    group by grouping sets ((country), ())
    having not (grouping(country) = 0 and country is null)
),

final as (
    select
        country,
        strftime((select end_month from window_end), '%Y-%m') as window_end_month,
        n_recent,
        n_prior,
        case when n_prior > 0 then n_recent / n_prior - 1 end as growth,
        case when n_recent > 0 and n_prior > 0
            then exp(ln(n_recent / n_prior) - 1.96 * sqrt(1 / n_recent + 1 / n_prior)) - 1 end as growth_ci_low,
        case when n_recent > 0 and n_prior > 0
            then exp(ln(n_recent / n_prior) + 1.96 * sqrt(1 / n_recent + 1 / n_prior)) - 1 end as growth_ci_high,
        n_recent >= 30 and n_prior >= 30 as is_reportable,
        'country_growth.v1' as method_version
    from counted
)

select * from final order by country;
