-- failing rows: a source record that belongs to more than one posting (a job counted twice)
select source, source_id, count(distinct posting_id) as n_postings
from posting_sources
group by source, source_id
having count(distinct posting_id) <> 1 or source_id is null;
