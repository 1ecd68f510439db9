-- one row per unique job, with every field of the extraction contract
-- The representative record of a job is its earliest one (ties: source, source_id); its
-- extraction under the warehouse's current extractor version gives the extracted fields.
create or replace table postings as
with posting_sources as (
    select * from posting_sources
),

source_postings as (
    select * from source_postings
),

current_version as (
    select value as extractor_version from warehouse_meta where key = 'extractor_version'
),

extractions as (
    select extractions.*
    from extractions
    join current_version using (extractor_version)
),

representative as (
    select posting_id, source, source_id, content_hash
    from posting_sources
    qualify row_number() over (partition by posting_id order by posted_or_seen_at, source, source_id) = 1
),

spans as (
    select
        posting_id,
        min(date_posted) as date_posted,
        min(first_seen_at) as first_seen_at,
        max(last_seen_at) as last_seen_at,
        count(*) as n_sources
    from posting_sources
    group by posting_id
),

final as (
    select
        representative.posting_id,
        source_postings.title,
        source_postings.company,
        spans.date_posted,
        spans.first_seen_at,
        spans.last_seen_at,
        spans.n_sources,
        e.remote_status,
        e.remote_countries,
        e.countries,
        e.cities,
        e.role,
        e.ai_governance,
        e.is_tech,
        e.ai_involvement,
        e.seniority,
        e.min_years_experience,
        e.degree,
        e.salary."min" as salary_min,
        e.salary."max" as salary_max,
        e.salary.currency as salary_currency,
        e.salary.period as salary_period,
        e.salary.annual_usd_min as salary_annual_usd_min,
        e.salary.annual_usd_max as salary_annual_usd_max,
        e.salary.flag as salary_flag,
        e.extractor_version,
        representative.content_hash
    from representative
    join spans using (posting_id)
    join source_postings using (source, source_id)
    left join extractions as e on e.content_hash = representative.content_hash
)

select * from final;
