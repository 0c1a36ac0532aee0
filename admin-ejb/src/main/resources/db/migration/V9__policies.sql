-- Tenant policies. Conditions are the operator's JSON, kept as text: the gateway compiles them
-- once per change and never queries inside them.
-- V1 laid the table out before the engine existed: conditions become the operator's JSON as text,
-- policies gain a phase and a version, and actions may name plugins, so the built-in list goes.
ALTER TABLE policies DROP CONSTRAINT IF EXISTS policies_action_check;
ALTER TABLE policies
    ADD COLUMN phase      text    NOT NULL DEFAULT 'request' CHECK (phase IN ('request', 'response', 'both')),
    ADD COLUMN conditions text    NOT NULL DEFAULT '{}',
    ADD COLUMN version    integer NOT NULL DEFAULT 1,
    ADD CONSTRAINT policies_priority_check CHECK (priority >= 0);
UPDATE policies SET conditions = match::text;
ALTER TABLE policies DROP COLUMN match;

-- Every version of every policy, deletions included (policy is then NULL): the history survives the policy.
CREATE TABLE policy_versions (
    policy_id   uuid        NOT NULL,
    version     integer     NOT NULL,
    tenant_id   uuid        NOT NULL,
    policy      text,
    changed_by  text        NOT NULL,
    changed_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (policy_id, version)
);

CREATE FUNCTION notify_policy_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('renlayer_changes', 'policies:' || COALESCE(NEW.tenant_id, OLD.tenant_id));
    RETURN NULL;
END $$;
CREATE TRIGGER policies_changed AFTER INSERT OR UPDATE OR DELETE ON policies
    FOR EACH ROW EXECUTE FUNCTION notify_policy_change();

-- Which policies matched a call, what they did and why.
ALTER TABLE traces ADD COLUMN policies jsonb NOT NULL DEFAULT '[]';
