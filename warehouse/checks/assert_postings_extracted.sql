-- failing rows: a posting with no extraction under the warehouse's current extractor version
select posting_id, content_hash
from postings
where extractor_version is null;
