-- A tenant's OpenID Connect provider: the issuer whose access tokens the gateway accepts (for the
-- audience named here), the client the console signs people in with (secret encrypted with the
-- master key, never returned), and which of the provider's groups give which role.
CREATE TABLE identity_providers (
    id                 uuid PRIMARY KEY,
    tenant_id          uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name               text        NOT NULL,
    issuer             text        NOT NULL,
    audience           text        NOT NULL,
    client_id          text,
    client_secret_enc  bytea,
    groups_claim       text        NOT NULL DEFAULT 'groups',
    role_mappings      text        NOT NULL DEFAULT '',
    enabled            boolean     NOT NULL DEFAULT true,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, issuer)
);
CREATE INDEX identity_providers_issuer_idx ON identity_providers (issuer);

-- A key may be bound to an OAuth client of the tenant's provider instead of having a secret: the
-- agent then presents that client's access token. One client is one live key, whatever the tenant;
-- once that key is revoked, the client can be bound to a new one.
ALTER TABLE api_keys
    ALTER COLUMN secret_hash DROP NOT NULL,
    ADD COLUMN identity_provider_id uuid REFERENCES identity_providers (id),
    ADD COLUMN oauth_issuer text,
    ADD COLUMN oauth_client_id text,
    ADD CONSTRAINT api_keys_credential_check CHECK (
        (secret_hash IS NOT NULL AND oauth_client_id IS NULL)
        OR (secret_hash IS NULL AND oauth_client_id IS NOT NULL AND oauth_issuer IS NOT NULL
            AND identity_provider_id IS NOT NULL));
CREATE UNIQUE INDEX api_keys_oauth_client_idx ON api_keys (oauth_issuer, oauth_client_id)
    WHERE oauth_client_id IS NOT NULL AND revoked_at IS NULL;

-- People who sign in through the provider: the provider's subject identifies them, not a password.
ALTER TABLE users
    ADD COLUMN identity_provider_id uuid REFERENCES identity_providers (id) ON DELETE CASCADE,
    ADD COLUMN external_subject text;
CREATE UNIQUE INDEX users_external_subject_idx ON users (identity_provider_id, external_subject)
    WHERE identity_provider_id IS NOT NULL;

-- The gateways verify agents' tokens against these rows: a change reaches every node's cache.
CREATE FUNCTION notify_identity_provider_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('renlayer_changes', 'identity_providers:' || COALESCE(NEW.tenant_id, OLD.tenant_id));
    RETURN NULL;
END $$;
CREATE TRIGGER identity_providers_changed AFTER INSERT OR UPDATE OR DELETE ON identity_providers
    FOR EACH ROW EXECUTE FUNCTION notify_identity_provider_change();
