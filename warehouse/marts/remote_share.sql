-- one row per posting month ('all') per country ('ALL') per AI/ML role ('all')
-- Over postings in the eight AI/ML roles whose remote status is known: the shares remote,
-- hybrid and remote-or-hybrid with Wilson 95% intervals; the unknown count stands beside them.
create or replace table remote_share as
with ai_roles as (
    select
        posting_id,
        strftime(coalesce(date_posted, first_seen_at), '%Y-%m') as posted_month,
        role,
        remote_status,
        unnest(case when len(countries) = 0 or countries is null then [null] else countries end) as country
    from postings
    where is_ai_role(role)
),

counted as (
    select
        coalesce(posted_month, 'all') as posted_month,
        case when grouping(country) = 1 then 'ALL' else country end as country,
        coalesce(role, 'all') as role,
        count(distinct posting_id) filter (where remote_status <> 'unknown') as n_known,
        count(distinct posting_id) filter (where remote_status = 'unknown') as n_unknown,
        count(distinct posting_id) filter (where remote_status = 'remote') as n_remote,
        count(distinct posting_id) filter (where remote_status = 'hybrid') as n_hybrid,
        count(distinct posting_id) filter (where remote_status = 'onsite') as n_onsite
    from ai_roles
    group by cube (posted_month, country, role)
    having not (grouping(country) = 0 and country is null) and count(distinct posting_id) > 0
),

final as (
    select
        posted_month,
        country,
        role,
        n_known,
        n_unknown,
        n_remote,
        n_hybrid,
        n_onsite,
        case when n_known > 0 then n_remote / n_known end as remote_share,
        wilson_low(n_remote, n_known) as remote_share_ci_low,
        wilson_high(n_remote, n_known) as remote_share_ci_high,
        case when n_known > 0 then n_hybrid / n_known end as hybrid_share,
        wilson_low(n_hybrid, n_known) as hybrid_share_ci_low,
        wilson_high(n_hybrid, n_known) as hybrid_share_ci_high,
        case when n_known > 0 then (n_remote + n_hybrid) / n_known end as remote_or_hybrid_share,
        wilson_low(n_remote + n_hybrid, n_known) as remote_or_hybrid_share_ci_low,
        wilson_high(n_remote + n_hybrid, n_known) as remote_or_hybrid_share_ci_high,
        'remote_share.v1' as method_version
    from counted
)

select * from final order by posted_month, country, role;
