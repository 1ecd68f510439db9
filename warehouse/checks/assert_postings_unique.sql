-- failing rows: a posting_id that is not unique or is null in postings
select posting_id, count(*) as n_rows
from postings
group by posting_id
having count(*) > 1 or posting_id is null;
