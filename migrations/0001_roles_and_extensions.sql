-- Roles: the owner of every object (used by migrate / seed / kb import) and the
-- application role the components connect as. Neither may bypass row-level security.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'careagents_owner') THEN
        CREATE ROLE careagents_owner NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'careagents_app') THEN
        CREATE ROLE careagents_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
    END IF;
END
$$;

-- The migrating user must be able to SET ROLE careagents_owner (managed services have no superuser).
GRANT careagents_owner TO CURRENT_USER;

CREATE EXTENSION IF NOT EXISTS pg_trgm;

GRANT USAGE, CREATE ON SCHEMA public TO careagents_owner;
GRANT USAGE ON SCHEMA public TO careagents_app;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

-- The tenant a transaction runs for: set with set_config('app.tenant_id', $1, true).
-- NULL when unset (public requests), never ''.
CREATE OR REPLACE FUNCTION app_tenant() RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT NULLIF(current_setting('app.tenant_id', true), '') $$;
ALTER FUNCTION app_tenant() OWNER TO careagents_owner;
