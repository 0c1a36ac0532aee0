-- Platform sign-in, a tamper-evident audit log, trace sessions and tenant DLP rules.

-- Users: owner, admin or viewer; password (PBKDF2) plus TOTP. An e-mail signs in to one tenant.
ALTER TABLE users DROP CONSTRAINT IF EXISTS users_role_check;
UPDATE users SET role = 'viewer' WHERE role = 'member';
ALTER TABLE users
    ALTER COLUMN role SET DEFAULT 'viewer',
    ADD CONSTRAINT users_role_check CHECK (role IN ('owner', 'admin', 'viewer')),
    ADD COLUMN otp_enrolled     boolean     NOT NULL DEFAULT false,
    ADD COLUMN otp_last_step    bigint,
    ADD COLUMN failed_sign_ins  integer     NOT NULL DEFAULT 0,
    ADD COLUMN locked_until     timestamptz,
    ADD COLUMN last_sign_in_at  timestamptz,
    ADD COLUMN updated_at       timestamptz NOT NULL DEFAULT now();
CREATE UNIQUE INDEX users_email_idx ON users (lower(email));
CREATE INDEX users_tenant_created_idx ON users (tenant_id, created_at DESC, id DESC);

-- The keys that sign platform JWTs. The newest is used until it is older than the rotation period;
-- older ones stay published (JWKS) until every token they signed has expired.
CREATE TABLE signing_keys (
    kid          text        PRIMARY KEY,
    public_jwk   text        NOT NULL,
    private_enc  bytea       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    retired_at   timestamptz
);

-- The audit log is append-only and hash-chained per tenant (operator-plane entries form their own
-- chain): each row's hash covers its content and the previous row's hash, so editing or deleting a
-- row breaks every later link. The chain is built here, by the database, whoever inserts.
ALTER TABLE audit_log
    ADD COLUMN seq          bigint,
    ADD COLUMN before_state text,
    ADD COLUMN after_state  text,
    ADD COLUMN source_ip    text,
    ADD COLUMN prev_hash    bytea,
    ADD COLUMN hash         bytea;

CREATE FUNCTION audit_entry_hash(e audit_log) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
    SELECT sha256(convert_to(concat_ws('|',
        e.seq::text, quote_nullable(encode(e.prev_hash, 'hex')), e.id::text, quote_nullable(e.tenant_id::text),
        quote_literal(e.actor), quote_literal(e.action), quote_literal(e.target_type), quote_nullable(e.target_id),
        quote_literal(e.details::text), quote_nullable(e.before_state), quote_nullable(e.after_state),
        quote_nullable(e.source_ip), (extract(epoch FROM e.created_at) * 1000000)::bigint::text), 'UTF8'))
$$;

CREATE FUNCTION audit_chain_link() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    last record;
BEGIN
    -- One writer per chain at a time; held until the inserting transaction ends.
    PERFORM pg_advisory_xact_lock(hashtextextended('audit_log:' || COALESCE(NEW.tenant_id::text, 'operator'), 0));
    SELECT seq, hash INTO last FROM audit_log
     WHERE tenant_id IS NOT DISTINCT FROM NEW.tenant_id AND seq IS NOT NULL
     ORDER BY seq DESC LIMIT 1;
    NEW.created_at := date_trunc('microseconds', COALESCE(NEW.created_at, now()));
    NEW.seq := COALESCE(last.seq, 0) + 1;
    NEW.prev_hash := last.hash;
    NEW.hash := audit_entry_hash(NEW);
    RETURN NEW;
END $$;

-- Rows written before the chain existed are chained now, oldest first.
DO $$
DECLARE
    r record;
    last_hash bytea;
    last_tenant uuid;
    n bigint := 0;
    first boolean := true;
BEGIN
    FOR r IN SELECT id, tenant_id FROM audit_log ORDER BY tenant_id NULLS FIRST, created_at, id LOOP
        IF first OR r.tenant_id IS DISTINCT FROM last_tenant THEN
            n := 0;
            last_hash := NULL;
        END IF;
        first := false;
        n := n + 1;
        UPDATE audit_log SET seq = n, prev_hash = last_hash WHERE id = r.id;
        UPDATE audit_log a SET hash = audit_entry_hash(a) WHERE a.id = r.id RETURNING hash INTO last_hash;
        last_tenant := r.tenant_id;
    END LOOP;
END $$;

ALTER TABLE audit_log ALTER COLUMN seq SET NOT NULL, ALTER COLUMN hash SET NOT NULL;
CREATE UNIQUE INDEX audit_log_chain_idx
    ON audit_log (COALESCE(tenant_id, '00000000-0000-0000-0000-000000000000'::uuid), seq);

CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_chain_link();

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

-- Traces: the session they belong to, the final policy decision, and the redacted response.
ALTER TABLE traces
    ADD COLUMN session_id        text,
    ADD COLUMN decision          text,
    ADD COLUMN redacted_response text;
CREATE INDEX traces_tenant_session_idx ON traces (tenant_id, session_id, created_at DESC) WHERE session_id IS NOT NULL;

-- Tenant DLP rules: a regular expression (RE2 syntax) or a keyword list, each reporting CUSTOM
-- findings under the rule's name; built-in finding types can be switched off per tenant.
ALTER TABLE dlp_rules DROP COLUMN detector, DROP COLUMN action;
ALTER TABLE dlp_rules
    ADD COLUMN kind        text        NOT NULL DEFAULT 'regex' CHECK (kind IN ('regex', 'keywords')),
    ADD COLUMN keywords    text,
    ADD COLUMN case_sensitive boolean  NOT NULL DEFAULT false,
    ADD COLUMN redaction   text        NOT NULL DEFAULT 'token' CHECK (redaction IN ('token', 'mask', 'hash')),
    ADD COLUMN updated_at  timestamptz NOT NULL DEFAULT now();
CREATE INDEX dlp_rules_tenant_created_idx ON dlp_rules (tenant_id, created_at DESC, id DESC);
ALTER TABLE tenants ADD COLUMN dlp_disabled_types text NOT NULL DEFAULT '';

CREATE FUNCTION notify_dlp_rule_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('renlayer_changes', 'dlp_rules:' || COALESCE(NEW.tenant_id, OLD.tenant_id));
    RETURN NULL;
END $$;
CREATE TRIGGER dlp_rules_changed AFTER INSERT OR UPDATE OR DELETE ON dlp_rules
    FOR EACH ROW EXECUTE FUNCTION notify_dlp_rule_change();
