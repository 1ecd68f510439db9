-- Wilson score interval for a binomial share k/n at 95% (z = 1.96); null when n = 0.
-- Wilson rather than the normal approximation: it stays inside [0, 1] and behaves at small n.
-- The bounds are clamped to [0, 1]: at k = 0 or k = n, floating point lands a hair outside.
create or replace macro wilson_low(k, n) as
    case when n = 0 then null else greatest(0.0,
        ((k / n) + 1.96 ^ 2 / (2 * n) - 1.96 * sqrt((k / n) * (1 - k / n) / n + 1.96 ^ 2 / (4 * n ^ 2)))
        / (1 + 1.96 ^ 2 / n))
    end;

create or replace macro wilson_high(k, n) as
    case when n = 0 then null else least(1.0,
        ((k / n) + 1.96 ^ 2 / (2 * n) + 1.96 * sqrt((k / n) * (1 - k / n) / n + 1.96 ^ 2 / (4 * n ^ 2)))
        / (1 + 1.96 ^ 2 / n))
    end;

-- The eight AI/ML role classes of the extractor (pipelines/role.py AI_ROLES; a test keeps them equal).
create or replace macro is_ai_role(role) as role in (
    'llm_genai_engineer', 'ml_engineer', 'mlops_engineer', 'ai_research_scientist', 'data_scientist',
    'ai_product_manager', 'ai_data_annotator', 'computer_vision_engineer'
);
