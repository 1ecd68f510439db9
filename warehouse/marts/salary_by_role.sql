-- one row per role (country 'ALL'), and per role and country where that cell has n >= 30
-- Annual USD salary quantiles of postings that publish pay; each posting contributes the
-- midpoint of its range. Implausible annual figures are flagged upstream and left out.
create or replace table salary_by_role as
with paid as (
    select
        posting_id,
        role,
        (salary_annual_usd_min + salary_annual_usd_max) / 2 as annual_usd,
        unnest(case when len(countries) = 0 or countries is null then [null] else countries end) as country
    from postings
    where salary_annual_usd_min is not null and salary_annual_usd_max is not null
),

counted as (
    select
        role,
        case when grouping(country) = 1 then 'ALL' else country end as country,
        count(distinct posting_id) as n_postings,
        quantile_cont(annual_usd, [0.1, 0.25, 0.5, 0.75, 0.9]) as q
    from paid
    group by grouping sets ((role), (role, country))
    having not (grouping(country) = 0 and country is null)
        and (grouping(country) = 1 or count(distinct posting_id) >= 30)
),

final as (
    select
        role,
        country,
        n_postings,
        round(q[1], 0) as annual_usd_p10,
        round(q[2], 0) as annual_usd_p25,
        round(q[3], 0) as annual_usd_median,
        round(q[4], 0) as annual_usd_p75,
        round(q[5], 0) as annual_usd_p90,
        'salary_by_role.v1' as method_version
    from counted
)

select * from final order by role, country;
