-- one row per unique job, with every field of the extraction contract
-- The job's fields come from its first record (the start of its chain in posting_sources) and
-- that record's extraction under the warehouse's current extractor version.
create table if not exists postings (
    posting_id varchar not null,
    title varchar,
    company varchar,
    date_posted timestamptz,
    first_seen_at timestamptz,
    last_seen_at timestamptz,
    n_sources integer not null,
    remote_status varchar,
    remote_countries varchar[],
    countries varchar[],
    cities varchar[],
    role varchar,
    ai_governance boolean,
    is_tech boolean,
    ai_involvement varchar,
    seniority varchar,
    min_years_experience integer,
    degree varchar,
    salary_min double,
    salary_max double,
    salary_currency varchar,
    salary_period varchar,
    salary_annual_usd_min double,
    salary_annual_usd_max double,
    salary_flag varchar,
    extractor_version varchar,
    content_hash varchar,
    row_hash varchar,
    primary key (posting_id)
);

create or replace temp table postings__next as
with posting_sources as (
    select * from posting_sources
),

source_postings as (
    select * from source_postings
),

extractions as (
    select *
    from extractions
    where extractor_version = (select value from warehouse_meta where key = 'extractor_version')
),

first_record as (
    select posting_id, source, source_id, content_hash
    from posting_sources
    where is_first_record
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
        first_record.posting_id,
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
        first_record.content_hash
    from first_record
    join spans using (posting_id)
    join source_postings using (source, source_id)
    left join extractions as e on e.content_hash = first_record.content_hash
)

select *, md5(cast(final as varchar)) as row_hash from final;

merge into postings as t
using postings__next as n
on t.posting_id = n.posting_id
when matched and t.row_hash <> n.row_hash then update by name
when not matched then insert by name
when not matched by source then delete;

drop table postings__next;
