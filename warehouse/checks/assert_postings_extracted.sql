-- failing rows: a posting with no extraction under the warehouse's current extractor version,
-- with the extractor's reason when it gave one (extraction_errors)
select p.posting_id, p.content_hash, e.error
from postings as p
left join extraction_errors as e
    on e.content_hash = p.content_hash
    and e.extractor_version = (select value from warehouse_meta where key = 'extractor_version')
where p.extractor_version is null;
