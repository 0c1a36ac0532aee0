-- Rotation: the previous secret stays valid until previous_valid_until.
ALTER TABLE api_keys
    ADD COLUMN previous_secret_hash bytea,
    ADD COLUMN previous_valid_until timestamptz,
    -- Scopes: comma-separated patterns ('*' = any, 'gpt-4o*' = prefix).
    ADD COLUMN allowed_routes    text    NOT NULL DEFAULT '*',
    ADD COLUMN allowed_models    text    NOT NULL DEFAULT '*',
    ADD COLUMN allowed_providers text    NOT NULL DEFAULT '*',
    ADD COLUMN allowed_methods   text    NOT NULL DEFAULT '*',
    ADD COLUMN streaming         boolean NOT NULL DEFAULT true,
    ADD COLUMN updated_at        timestamptz NOT NULL DEFAULT now();

-- Limits, the same four on keys, agents and tenants; NULL means no limit.
ALTER TABLE api_keys
    ADD COLUMN requests_per_minute integer CHECK (requests_per_minute > 0),
    ADD COLUMN tokens_per_minute   bigint  CHECK (tokens_per_minute > 0),
    ADD COLUMN daily_budget_usd    numeric(14, 6) CHECK (daily_budget_usd >= 0),
    ADD COLUMN monthly_budget_usd  numeric(14, 6) CHECK (monthly_budget_usd >= 0);
ALTER TABLE agents
    ADD COLUMN requests_per_minute integer CHECK (requests_per_minute > 0),
    ADD COLUMN tokens_per_minute   bigint  CHECK (tokens_per_minute > 0),
    ADD COLUMN daily_budget_usd    numeric(14, 6) CHECK (daily_budget_usd >= 0),
    ADD COLUMN monthly_budget_usd  numeric(14, 6) CHECK (monthly_budget_usd >= 0);
ALTER TABLE tenants
    ADD COLUMN requests_per_minute integer CHECK (requests_per_minute > 0),
    ADD COLUMN tokens_per_minute   bigint  CHECK (tokens_per_minute > 0),
    ADD COLUMN daily_budget_usd    numeric(14, 6) CHECK (daily_budget_usd >= 0),
    ADD COLUMN monthly_budget_usd  numeric(14, 6) CHECK (monthly_budget_usd >= 0),
    -- When Redis is away: 'open' admits on this node's own counters (flagged in traces), 'closed' refuses.
    ADD COLUMN redis_fail_mode text NOT NULL DEFAULT 'open' CHECK (redis_fail_mode IN ('open', 'closed'));

-- Key snapshots carry their agent's limits too.
CREATE TRIGGER agents_changed AFTER UPDATE ON agents
    FOR EACH ROW EXECUTE FUNCTION notify_tenant_change();

-- Prices per million tokens; the longest matching pattern wins ('gpt-4o-mini' before 'gpt-4o*').
CREATE TABLE model_prices (
    model_pattern        text PRIMARY KEY,
    input_usd_per_mtok   numeric(12, 6) NOT NULL CHECK (input_usd_per_mtok >= 0),
    output_usd_per_mtok  numeric(12, 6) NOT NULL CHECK (output_usd_per_mtok >= 0),
    updated_at           timestamptz NOT NULL DEFAULT now()
);
INSERT INTO model_prices (model_pattern, input_usd_per_mtok, output_usd_per_mtok) VALUES
    ('gpt-4o*',            2.50,  10.00),
    ('gpt-4o-mini*',       0.15,   0.60),
    ('gpt-4.1*',           2.00,   8.00),
    ('gpt-4.1-mini*',      0.40,   1.60),
    ('gpt-4.1-nano*',      0.10,   0.40),
    ('gpt-5*',             1.25,  10.00),
    ('gpt-5-mini*',        0.25,   2.00),
    ('o3*',                2.00,   8.00),
    ('o4-mini*',           1.10,   4.40),
    ('claude-opus-4*',    15.00,  75.00),
    ('claude-sonnet-4*',   3.00,  15.00),
    ('claude-3-5-haiku*',  0.80,   4.00),
    ('claude-haiku-4*',    1.00,   5.00);

CREATE FUNCTION notify_price_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('renlayer_changes', 'model_prices');
    RETURN NULL;
END $$;
CREATE TRIGGER model_prices_changed AFTER INSERT OR UPDATE OR DELETE ON model_prices
    FOR EACH STATEMENT EXECUTE FUNCTION notify_price_change();
