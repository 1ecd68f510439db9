-- Wilson score interval for a binomial share k/n at 95% (z = 1.96); null when n = 0.
-- Wilson rather than the normal approximation: it stays inside [0, 1] and behaves at small n.
-- The bounds are clamped to [0, 1]: at k = 0 or k = n, floating point lands a hair outside.
create or replace macro wilson_low(k, n) as
    case when n = 0 then null else greatest(0.0,
        ((k / n) + 1.96 ^ 2 / (2 * n) - 1.96 * sqrt((k / n) * (1 - k / n) / n + 1.96 ^ 2 / (4 * n ^ 2)))
        / (1 + 1.96 ^ 2 / n))
    end;

create or replace macro wilson_high(k, n) as
    case when n = 0 then null else least(1.0,
        ((k / n) + 1.96 ^ 2 / (2 * n) + 1.96 * sqrt((k / n) * (1 - k / n) / n + 1.96 ^ 2 / (4 * n ^ 2)))
        / (1 + 1.96 ^ 2 / n))
    end;

-- The eight AI/ML role classes of the extractor (pipelines/role.py AI_ROLES; a test keeps them equal).
create or replace macro is_ai_role(role) as role in (
    'llm_genai_engineer', 'ml_engineer', 'mlops_engineer', 'ai_research_scientist', 'data_scientist',
    'ai_product_manager', 'ai_data_annotator', 'computer_vision_engineer'
);

-- The crawl item's fields of one source's landed records, typed: the common part of every
-- stg_<source>__postings model (each adds what only its wire format carries).
create or replace macro stg_posting_items(src) as table
    select
        raw_postings.source,
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
        -- a board's pay written as text ("$60k - $80k"); a structured object stays in the record
        case when json_type(item -> '$.salary_raw') = 'VARCHAR' then item ->> '$.salary_raw' end as salary_text,
        cast(coalesce(item -> '$.country_hints', '[]') as varchar[]) as country_hints,
        coalesce(fetched_at, try_cast(item ->> '$.fetched_at' as timestamptz)) as fetched_at,
        coalesce(raw_sightings.first_fetched_at, fetched_at) as first_fetched_at,
        coalesce(raw_sightings.last_fetched_at, fetched_at) as last_fetched_at,
        run_id,
        landing_file,
        line_no,
        record
    from raw_postings
    left join raw_sightings using (source, record_hash)
    where raw_postings.source = src;
