-- one row per distinct landed posting record of every source, with its content_hash
-- The union of the per-source staging models; checks/assert_every_source_staged.sql fails
-- when raw_postings holds a source that has no model here, so no source is silently dropped.
create or replace view stg_job_postings as
with unioned as (
    select * from stg_greenhouse__postings
    union all by name
    select * from stg_lever__postings
    union all by name
    select * from stg_ashby__postings
    union all by name
    select * from stg_remoteok__postings
    union all by name
    select * from stg_remotive__postings
    union all by name
    select * from stg_arbeitnow__postings
    union all by name
    select * from stg_jobicy__postings
    union all by name
    select * from stg_smartrecruiters__postings
    union all by name
    select * from stg_workable__postings
    union all by name
    select * from stg_himalayas__postings
    union all by name
    select * from stg_themuse__postings
    union all by name
    select * from stg_hn_whoishiring__postings
    union all by name
    select * from stg_jsonld__postings
    union all by name
    select * from stg_remotejobsorg__postings
    union all by name
    select * from stg_weworkremotely__postings
),

final as (
    select
        *,
        -- what the extractor reads: equal hashes are extracted once
        sha256(concat_ws(
            chr(31), source, coalesce(title, ''), coalesce(array_to_string(locations, chr(30)), ''),
            coalesce(description_html, ''), coalesce(workplace_type, ''),
            coalesce(cast(salary_min_structured as varchar), ''), coalesce(cast(salary_max_structured as varchar), ''),
            coalesce(salary_currency_structured, ''), coalesce(salary_period_structured, ''),
            coalesce(salary_text, ''),
            coalesce(array_to_string(country_hints, ','), ''), coalesce(cast(date_posted as varchar), '')
        )) as content_hash
    from unioned
)

select * from final;
