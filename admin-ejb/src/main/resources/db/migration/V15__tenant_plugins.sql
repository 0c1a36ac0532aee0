-- A tenant's configuration of one plugin: whether it runs for the tenant, its settings, and its
-- secret settings (encrypted with the master key, like upstream credentials; never returned).
CREATE TABLE tenant_plugins (
    tenant_id    uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    kind         text        NOT NULL CHECK (kind IN ('UPSTREAM_PROVIDER', 'DLP_DETECTOR', 'POLICY_ACTION')),
    plugin_id    text        NOT NULL,
    enabled      boolean     NOT NULL DEFAULT true,
    settings     text        NOT NULL DEFAULT '{}',
    secrets_enc  bytea,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, kind, plugin_id)
);

CREATE FUNCTION notify_tenant_plugin_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('renlayer_changes', 'tenant_plugins:' || COALESCE(NEW.tenant_id, OLD.tenant_id));
    RETURN NULL;
END $$;
CREATE TRIGGER tenant_plugins_changed AFTER INSERT OR UPDATE OR DELETE ON tenant_plugins
    FOR EACH ROW EXECUTE FUNCTION notify_tenant_plugin_change();
