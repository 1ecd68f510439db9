-- one row per (posting content hash, extractor version): unchanged content is never extracted twice
create table if not exists extractions (
    content_hash varchar not null,
    extractor_version varchar not null,
    skills struct(
        skill_id varchar, name varchar, category varchar, is_ai boolean,
        "start" integer, "end" integer, requirement varchar, matched_text varchar
    )[],
    remote_status varchar,
    remote_evidence varchar,
    remote_countries varchar[],
    countries varchar[],
    cities varchar[],
    role varchar,
    ai_governance boolean,
    is_tech boolean,
    ai_involvement varchar,
    seniority varchar,
    min_years_experience integer,
    degree varchar,
    salary struct(
        "min" double, "max" double, currency varchar, period varchar, "from" varchar,
        annual_usd_min double, annual_usd_max double, fx_date varchar, flag varchar
    ),
    primary key (content_hash, extractor_version)
);
