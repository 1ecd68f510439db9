-- one row per period ('all', 'last_12_months') per city: AI-role postings in the city
-- A posting with several cities counts once in each; the share is over every AI-role posting of
-- the period, with or without a city, so the shares of a period sum to at most the share that
-- names a city. 'last_12_months' ends with the latest posting month in the warehouse.
create or replace table top_cities as
with ai_postings as (
    select
        posting_id,
        cities,
        date_trunc('month', coalesce(date_posted, first_seen_at)) as posted_month
    from postings
    where is_ai_role(role)
),

periods as (
    select 'all' as period, posting_id, cities from ai_postings
    union all
    select 'last_12_months', posting_id, cities
    from ai_postings
    where posted_month > (select max(posted_month) from ai_postings) - interval 12 months
),

period_sizes as (
    select period, count(distinct posting_id) as n_ai_role_postings from periods group by period
),

by_city as (
    select period, city, count(distinct posting_id) as n_postings
    from (select period, posting_id, unnest(cities) as city from periods)
    group by period, city
),

final as (
    select
        by_city.period,
        by_city.city,
        -- cities are "Name, CC" (pipelines/geo): the country is the code after the last comma
        nullif(trim(regexp_extract(by_city.city, ',\s*([A-Z]{2})$', 1)), '') as country,
        by_city.n_postings,
        period_sizes.n_ai_role_postings,
        by_city.n_postings / period_sizes.n_ai_role_postings as share,
        wilson_low(by_city.n_postings, period_sizes.n_ai_role_postings) as share_ci_low,
        wilson_high(by_city.n_postings, period_sizes.n_ai_role_postings) as share_ci_high,
        rank() over (partition by by_city.period order by by_city.n_postings desc, by_city.city) as city_rank,
        'top_cities.v1' as method_version
    from by_city
    join period_sizes using (period)
)

select * from final order by period, city_rank;
