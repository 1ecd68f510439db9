-- one row per skill of the taxonomy in use, loaded from pipelines/skills/taxonomy.csv
create table if not exists raw_skills_taxonomy (
    skill_id varchar primary key,
    name varchar not null,
    category varchar not null,
    is_ai boolean not null,
    cluster varchar,
    aliases varchar,
    context_rule varchar,
    taxonomy_version varchar not null
);
