-- one row per source record of a unique job: which board listed it, where, and when
-- Two records are the same job when they share the dedup key (company, title, place), the later
-- was posted within 60 days of the earlier, and their descriptions agree (word-set Jaccard >= 0.8;
-- a record without a description agrees with any). Each record links to the latest earlier record
-- it agrees with; a chain of links is one job, so weekly reposts stay one posting for as long as
-- they continue. posting_id is a hash of the chain's first record.
create table if not exists posting_sources (
    posting_id varchar not null,
    source varchar not null,
    source_id varchar not null,
    url varchar,
    content_hash varchar,
    date_posted timestamptz,
    first_seen_at timestamptz,
    last_seen_at timestamptz,
    posted_or_seen_at timestamptz,
    is_first_record boolean not null,
    linked_to_source varchar,
    linked_to_source_id varchar,
    description_similarity double,
    row_hash varchar,
    primary key (source, source_id)
);

create or replace temp table posting_sources__next as
with records as (
    select * from source_postings
),

-- only keys with several records can hold duplicates; the descriptions are read for those alone
shared_keys as (
    select dedup_key from records group by dedup_key having count(*) > 1
),

candidates as (
    select
        records.source,
        records.source_id,
        records.dedup_key,
        records.posted_or_seen_at,
        list_distinct(regexp_extract_all(
            lower(regexp_replace(coalesce(stg.description_html, ''), '<[^>]*>', ' ', 'g')), '[a-z0-9+#]+'
        )) as words
    from records
    semi join shared_keys using (dedup_key)
    join stg_job_postings as stg using (source, source_id, content_hash)
    qualify row_number() over (partition by records.source, records.source_id order by stg.fetched_at desc) = 1
),

pairs as (
    select
        later.source,
        later.source_id,
        earlier.source as linked_to_source,
        earlier.source_id as linked_to_source_id,
        earlier.posted_or_seen_at as linked_posted_or_seen_at,
        case
            when len(later.words) = 0 or len(earlier.words) = 0 then null
            else len(list_intersect(later.words, earlier.words))
                / len(list_distinct(later.words || earlier.words))
        end as description_similarity
    from candidates as later
    join candidates as earlier
        on later.dedup_key = earlier.dedup_key
        and (earlier.posted_or_seen_at, earlier.source, earlier.source_id)
            < (later.posted_or_seen_at, later.source, later.source_id)
        and later.posted_or_seen_at - earlier.posted_or_seen_at <= interval 60 days
),

links as (
    select *
    from pairs
    where description_similarity is null or description_similarity >= 0.8
    qualify row_number() over (
        partition by source, source_id
        order by linked_posted_or_seen_at desc, linked_to_source desc, linked_to_source_id desc
    ) = 1
),

-- follow the links back to the first record of each chain
walk as (
    with recursive steps(source, source_id, root_source, root_source_id, depth) as (
        select source, source_id, linked_to_source, linked_to_source_id, 1 from links
        union all
        select steps.source, steps.source_id, links.linked_to_source, links.linked_to_source_id, steps.depth + 1
        from steps
        join links on links.source = steps.root_source and links.source_id = steps.root_source_id
    )
    select
        source,
        source_id,
        arg_max(root_source, depth) as root_source,
        arg_max(root_source_id, depth) as root_source_id
    from steps
    group by source, source_id
),

final as (
    select
        substr(sha256(
            coalesce(walk.root_source, records.source) || ':' || coalesce(walk.root_source_id, records.source_id)
        ), 1, 16) as posting_id,
        records.source,
        records.source_id,
        records.url,
        records.content_hash,
        records.date_posted,
        records.first_seen_at,
        records.last_seen_at,
        records.posted_or_seen_at,
        walk.root_source is null as is_first_record,
        links.linked_to_source,
        links.linked_to_source_id,
        links.description_similarity
    from records
    left join walk using (source, source_id)
    left join links using (source, source_id)
)

select *, md5(cast(final as varchar)) as row_hash from final;

merge into posting_sources as t
using posting_sources__next as n
on t.source = n.source and t.source_id = n.source_id
when matched and t.row_hash <> n.row_hash then update by name
when not matched then insert by name
when not matched by source then delete;

drop table posting_sources__next;
