-- one row per source per posting month ('all') per country ('ALL'; 'UNKNOWN' when none resolved)
-- What the figures rest on: how many unique postings each source contributed where and when.
-- A posting listed on two sources counts once for each source (n_postings) and once overall
-- (source 'all'); n_records counts every source record, reposts included.
create or replace table coverage as
with records as (
    select
        posting_sources.posting_id,
        posting_sources.source,
        posting_sources.source || ':' || posting_sources.source_id as record_key,
        strftime(coalesce(postings.date_posted, postings.first_seen_at), '%Y-%m') as posted_month,
        postings.is_tech,
        postings.role,
        unnest(case when len(postings.countries) = 0 or postings.countries is null
            then ['UNKNOWN'] else postings.countries end) as country
    from posting_sources
    join postings using (posting_id)
),

counted as (
    select
        coalesce(source, 'all') as source,
        coalesce(posted_month, 'all') as posted_month,
        coalesce(country, 'ALL') as country,
        count(distinct posting_id) as n_postings,
        count(distinct record_key) as n_records,
        count(distinct posting_id) filter (where is_tech) as n_tech_postings,
        count(distinct posting_id) filter (where is_ai_role(role)) as n_ai_role_postings
    from records
    group by cube (source, posted_month, country)
    having count(*) > 0
),

final as (
    select *, 'coverage.v1' as method_version from counted
)

select * from final order by source, posted_month, country;
