-- RenLayer core schema. Every tenant-owned table carries tenant_id; services scope every query by it.

CREATE TABLE tenants (
    id          uuid PRIMARY KEY,
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
    id             uuid PRIMARY KEY,
    tenant_id      uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    email          text        NOT NULL,
    display_name   text,
    role           text        NOT NULL DEFAULT 'member' CHECK (role IN ('admin', 'member', 'viewer')),
    password_hash  text,
    otp_secret_enc bytea,
    disabled       boolean     NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, email)
);

CREATE TABLE projects (
    id          uuid PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name        text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, name)
);

CREATE TABLE agents (
    id          uuid PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    project_id  uuid        REFERENCES projects (id) ON DELETE SET NULL,
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, name)
);

-- Upstream credentials are stored AES-256-GCM encrypted (nonce || ciphertext || tag).
CREATE TABLE upstreams (
    id              uuid PRIMARY KEY,
    tenant_id       uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    provider        text        NOT NULL,
    base_url        text        NOT NULL,
    credential_enc  bytea       NOT NULL,
    models          text        NOT NULL DEFAULT '*',
    enabled         boolean     NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, name)
);

-- Virtual keys rk_live_<prefix>_<secret>: only the SHA-256 of the secret is kept.
CREATE TABLE api_keys (
    id           uuid PRIMARY KEY,
    tenant_id    uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    agent_id     uuid        NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    name         text        NOT NULL,
    prefix       text        NOT NULL UNIQUE,
    secret_hash  bytea       NOT NULL,
    disabled     boolean     NOT NULL DEFAULT false,
    revoked_at   timestamptz,
    expires_at   timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX api_keys_tenant_idx ON api_keys (tenant_id);

CREATE TABLE operator_tokens (
    id          uuid PRIMARY KEY,
    name        text        NOT NULL,
    token_hash  bytea       NOT NULL UNIQUE,
    revoked_at  timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE policies (
    id          uuid PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name        text        NOT NULL,
    priority    integer     NOT NULL,
    action      text        NOT NULL CHECK (action IN ('ALLOW', 'FLAG', 'REDACT', 'DENY')),
    match       jsonb       NOT NULL DEFAULT '{}',
    enabled     boolean     NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, name)
);
CREATE INDEX policies_tenant_priority_idx ON policies (tenant_id, priority);

CREATE TABLE dlp_rules (
    id          uuid PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name        text        NOT NULL,
    detector    text        NOT NULL,
    pattern     text,
    action      text        NOT NULL DEFAULT 'FLAG' CHECK (action IN ('FLAG', 'REDACT', 'DENY')),
    enabled     boolean     NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, name)
);

-- Traces are append-only and partitioned by day; the default partition catches any day whose
-- partition does not exist yet, so a row is never refused.
CREATE TABLE traces (
    id                 uuid        NOT NULL,
    created_at         timestamptz NOT NULL,
    tenant_id          uuid        NOT NULL,
    agent_id           uuid,
    key_id             uuid,
    project_id         uuid,
    upstream_id        uuid,
    request_id         text        NOT NULL,
    route              text        NOT NULL,
    method             text        NOT NULL,
    provider           text,
    model              text,
    stream             boolean     NOT NULL DEFAULT false,
    status             integer     NOT NULL,
    error_code         text,
    latency_ms         integer     NOT NULL,
    upstream_latency_ms integer,
    prompt_tokens      integer,
    completion_tokens  integer,
    total_tokens       integer,
    cost_usd           numeric(18, 8),
    redacted_body      text,
    findings           jsonb       NOT NULL DEFAULT '[]',
    PRIMARY KEY (created_at, id)
) PARTITION BY RANGE (created_at);
CREATE TABLE traces_default PARTITION OF traces DEFAULT;
CREATE INDEX traces_tenant_time_idx ON traces (tenant_id, created_at DESC);

CREATE FUNCTION ensure_trace_partition(day date) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    part text := format('traces_%s', to_char(day, 'YYYYMMDD'));
BEGIN
    IF to_regclass(part) IS NULL THEN
        EXECUTE format('CREATE TABLE %I PARTITION OF traces FOR VALUES FROM (%L) TO (%L)',
                       part, day::timestamptz, (day + 1)::timestamptz);
    END IF;
EXCEPTION WHEN check_violation THEN
    -- Rows for that day already sit in the default partition: leave them there.
    NULL;
END $$;

CREATE TABLE audit_log (
    id           uuid PRIMARY KEY,
    tenant_id    uuid,
    actor        text        NOT NULL,
    action       text        NOT NULL,
    target_type  text        NOT NULL,
    target_id    text,
    details      jsonb       NOT NULL DEFAULT '{}',
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_tenant_time_idx ON audit_log (tenant_id, created_at DESC);

-- The proxy caches keys and upstreams; these notifications keep every node's cache coherent,
-- whoever changed the row (API, console, or SQL).
CREATE FUNCTION notify_api_key_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('renlayer_changes', 'api_keys:' || COALESCE(NEW.prefix, OLD.prefix));
    IF TG_OP = 'UPDATE' AND NEW.prefix <> OLD.prefix THEN
        PERFORM pg_notify('renlayer_changes', 'api_keys:' || OLD.prefix);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER api_keys_changed AFTER INSERT OR UPDATE OR DELETE ON api_keys
    FOR EACH ROW EXECUTE FUNCTION notify_api_key_change();

CREATE FUNCTION notify_upstream_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('renlayer_changes', 'upstreams:' || COALESCE(NEW.tenant_id, OLD.tenant_id));
    RETURN NULL;
END $$;
CREATE TRIGGER upstreams_changed AFTER INSERT OR UPDATE OR DELETE ON upstreams
    FOR EACH ROW EXECUTE FUNCTION notify_upstream_change();
