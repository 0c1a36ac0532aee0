-- Routes an operator has switched off for every tenant; absent means enabled.
CREATE TABLE route_settings (
    route       text PRIMARY KEY CHECK (route ~ '^/[A-Za-z0-9/_.{}-]+$'),
    enabled     boolean     NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION notify_route_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('renlayer_changes', 'routes');
    RETURN NULL;
END $$;
CREATE TRIGGER route_settings_changed AFTER INSERT OR UPDATE OR DELETE ON route_settings
    FOR EACH STATEMENT EXECUTE FUNCTION notify_route_change();
