-- An e-mail is unique within a tenant, not across tenants: a tenant admin creating a user must
-- learn nothing of other tenants' users (a global unique index answered "already exists").
DROP INDEX users_email_idx;
CREATE UNIQUE INDEX users_tenant_email_idx ON users (tenant_id, lower(email));
CREATE INDEX users_email_idx ON users (lower(email));
