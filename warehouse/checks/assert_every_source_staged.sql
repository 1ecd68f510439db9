-- failing rows: a source with landed records that no staging model reads (its records would vanish)
select source, count(*) as n_records
from raw_postings
where source not in (select distinct source from stg_job_postings)
group by source;
