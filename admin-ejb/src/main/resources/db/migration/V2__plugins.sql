-- What the proxy does when a content inspection plugin throws or overruns its budget:
-- 'skip' forwards without that plugin's verdict (the trace says so), 'deny' refuses the call.
ALTER TABLE tenants ADD COLUMN plugin_fail_mode text NOT NULL DEFAULT 'skip'
    CHECK (plugin_fail_mode IN ('skip', 'deny'));

-- Detectors that failed on a call, by id.
ALTER TABLE traces ADD COLUMN plugin_failures jsonb NOT NULL DEFAULT '[]';

-- Key snapshots carry their tenant's settings: a tenant change invalidates every cached key.
CREATE FUNCTION notify_tenant_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('renlayer_changes', '*');
    RETURN NULL;
END $$;
CREATE TRIGGER tenants_changed AFTER UPDATE ON tenants
    FOR EACH ROW EXECUTE FUNCTION notify_tenant_change();
