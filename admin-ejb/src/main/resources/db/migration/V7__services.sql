-- Registered services: /services/<name>/* is forwarded to base_url with the service's credential,
-- for the listed HTTP methods only.
CREATE TABLE services (
    id               uuid PRIMARY KEY,
    tenant_id        uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name             text        NOT NULL CHECK (name ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    base_url         text        NOT NULL,
    credential_enc   bytea,
    auth_header      text        NOT NULL DEFAULT 'authorization',
    auth_scheme      text        NOT NULL DEFAULT 'Bearer',
    allowed_methods  text        NOT NULL DEFAULT 'GET,POST',
    enabled          boolean     NOT NULL DEFAULT true,
    created_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, name)
);

CREATE FUNCTION notify_service_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('renlayer_changes', 'services:' || COALESCE(NEW.tenant_id, OLD.tenant_id));
    RETURN NULL;
END $$;
CREATE TRIGGER services_changed AFTER INSERT OR UPDATE OR DELETE ON services
    FOR EACH ROW EXECUTE FUNCTION notify_service_change();
