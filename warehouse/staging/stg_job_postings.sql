-- one row per distinct landed posting record (a version of a posting), the crawl item's fields typed
-- The spiders already map every wire format to the one JobPosting item (spiders/platforms/),
-- so staging is one model over all sources; a source that needs SQL-side repair gets its own
-- stg_<source>__postings model in front of this one.
create or replace view stg_job_postings as
with raw as (
    select raw_postings.*, raw_sightings.first_fetched_at, raw_sightings.last_fetched_at
    from raw_postings
    left join raw_sightings using (source, record_hash)
),

typed as (
    select
        source,
        item ->> '$.source_id' as source_id,
        item ->> '$.board' as board,
        item ->> '$.url' as url,
        trim(item ->> '$.title') as title,
        nullif(trim(item ->> '$.company'), '') as company,
        item ->> '$.description_html' as description_html,
        cast(coalesce(item -> '$.locations_raw', '[]') as varchar[]) as locations,
        try_cast(item ->> '$.date_posted' as timestamptz) as date_posted,
        item ->> '$.employment_type' as employment_type,
        item ->> '$.workplace_type' as workplace_type,
        try_cast(item ->> '$.salary_min' as double) as salary_min_structured,
        try_cast(item ->> '$.salary_max' as double) as salary_max_structured,
        item ->> '$.salary_currency' as salary_currency_structured,
        item ->> '$.salary_period' as salary_period_structured,
        cast(coalesce(item -> '$.country_hints', '[]') as varchar[]) as country_hints,
        coalesce(fetched_at, try_cast(item ->> '$.fetched_at' as timestamptz)) as fetched_at,
        coalesce(first_fetched_at, fetched_at) as first_fetched_at,
        coalesce(last_fetched_at, fetched_at) as last_fetched_at,
        run_id,
        landing_file,
        line_no
    from raw
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
            coalesce(array_to_string(country_hints, ','), ''), coalesce(cast(date_posted as varchar), '')
        )) as content_hash
    from typed
)

select * from final;
