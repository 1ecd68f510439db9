-- one row per country ('ALL' for every country) per window end month: AI-role postings growth
-- For each month M from the first month with postings to the last: the 12 months to M against
-- the 12 before (n_recent, n_prior), and M against the same month a year before (n_month,
-- n_month_year_before). Growth = a / b - 1; its 95% interval comes from the log ratio of two
-- Poisson counts, exp(ln(a / b) +/- 1.96 * sqrt(1/a + 1/b)) - 1. A figure is reportable when both
-- counts are at least 30 and the warehouse's data cover the whole comparison window.
create or replace table country_growth as
with all_postings as (
    select
        posting_id,
        role,
        countries,
        date_trunc('month', coalesce(date_posted, first_seen_at)) as posted_month
    from postings
),

span as (
    select min(posted_month) as first_month, max(posted_month) as last_month from all_postings
),

ai_postings as (
    select
        posting_id,
        posted_month,
        unnest(case when len(countries) = 0 or countries is null then [null] else countries end) as country
    from all_postings
    where is_ai_role(role)
),

monthly as (
    select
        case when grouping(country) = 1 then 'ALL' else country end as country,
        posted_month,
        count(distinct posting_id) as n_month
    from ai_postings
    group by grouping sets ((country, posted_month), (posted_month))
    having not (grouping(country) = 0 and country is null)
),

-- every country on every month of the span, so that a month without postings counts as 0
spine as (
    select country, cast(unnest(generate_series(first_month, last_month, interval 1 month)) as date) as posted_month
    from (select distinct country from monthly), span
),

filled as (
    select spine.country, spine.posted_month, coalesce(monthly.n_month, 0) as n_month
    from spine
    left join monthly on monthly.country = spine.country and monthly.posted_month = spine.posted_month
),

windowed as (
    select
        country,
        posted_month,
        n_month,
        sum(n_month) over (w rows between 11 preceding and current row) as n_recent,
        coalesce(sum(n_month) over (w rows between 23 preceding and 12 preceding), 0) as n_prior,
        coalesce(lag(n_month, 12) over w, 0) as n_month_year_before
    from filled
    window w as (partition by country order by posted_month)
),

final as (
    select
        country,
        strftime(posted_month, '%Y-%m') as window_end_month,
        posted_month = (select last_month from span) as is_latest,
        n_recent,
        n_prior,
        case when n_prior > 0 then n_recent / n_prior - 1 end as growth,
        case when n_recent > 0 and n_prior > 0
            then exp(ln(n_recent / n_prior) - 1.96 * sqrt(1 / n_recent + 1 / n_prior)) - 1 end as growth_ci_low,
        case when n_recent > 0 and n_prior > 0
            then exp(ln(n_recent / n_prior) + 1.96 * sqrt(1 / n_recent + 1 / n_prior)) - 1 end as growth_ci_high,
        posted_month - interval 23 months >= (select first_month from span) as window_complete,
        n_recent >= 30 and n_prior >= 30
            and posted_month - interval 23 months >= (select first_month from span) as is_reportable,
        n_month,
        n_month_year_before,
        case when n_month_year_before > 0 then n_month / n_month_year_before - 1 end as month_growth,
        case when n_month > 0 and n_month_year_before > 0
            then exp(ln(n_month / n_month_year_before)
                - 1.96 * sqrt(1 / n_month + 1 / n_month_year_before)) - 1 end as month_growth_ci_low,
        case when n_month > 0 and n_month_year_before > 0
            then exp(ln(n_month / n_month_year_before)
                + 1.96 * sqrt(1 / n_month + 1 / n_month_year_before)) - 1 end as month_growth_ci_high,
        n_month >= 30 and n_month_year_before >= 30
            and posted_month - interval 12 months >= (select first_month from span) as month_is_reportable,
        'country_growth.v2' as method_version
    from windowed
)

select * from final order by country, window_end_month;
