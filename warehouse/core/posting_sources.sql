-- one row per source record of a unique job: which board listed it, where, and when
-- Records with the same dedup key are one job while each was posted within 60 days of the
-- previous one (gaps and islands); a job posted again after a longer gap is a new posting.
create or replace table posting_sources as
with source_postings as (
    select *, coalesce(date_posted, first_seen_at) as posted_or_seen_at from source_postings
),

gaps as (
    select
        *,
        case
            when lag(posted_or_seen_at) over w is null then 1
            when posted_or_seen_at - lag(posted_or_seen_at) over w > interval 60 days then 1
            else 0
        end as starts_island
    from source_postings
    window w as (partition by dedup_key order by posted_or_seen_at, source, source_id)
),

islands as (
    select
        *,
        sum(starts_island) over (
            partition by dedup_key order by posted_or_seen_at, source, source_id rows unbounded preceding
        ) as island
    from gaps
),

final as (
    select
        substr(sha256(dedup_key || '#' || island), 1, 16) as posting_id,
        source,
        source_id,
        url,
        content_hash,
        date_posted,
        first_seen_at,
        last_seen_at,
        posted_or_seen_at
    from islands
)

select * from final;
