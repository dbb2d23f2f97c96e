-- Row-level security on every tenant-owned table. ENABLE + FORCE, so even the owner is
-- filtered; the owner gets an explicit maintenance policy (migrate, seed, kb import).
-- `app_tenant()` is NULL unless the transaction ran set_config('app.tenant_id', $1, true).

DO $$
DECLARE
    t text;
BEGIN
    -- Tables that only ever hold a tenant's rows.
    FOREACH t IN ARRAY ARRAY['tenants', 'tenant_users', 'tenant_keys', 'residents', 'care_notes',
                             'care_plans', 'risk_assessments'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I TO careagents_app
                        USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant())', t);
        EXECUTE format('CREATE POLICY owner_maintenance ON %I TO careagents_owner USING (true) WITH CHECK (true)', t);
    END LOOP;

    -- Tables shared by the public agent (tenant_id IS NULL) and tenants: a public request sees
    -- only public rows, a tenant request only its own.
    FOREACH t IN ARRAY ARRAY['ai_agent_sessions', 'ai_agent_conversations', 'ai_agent_analytics',
                             'ai_agent_feedback', 'ai_agent_leads', 'ai_agent_rate_limits',
                             'ai_agent_security_events', 'ai_agent_audit_log'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I TO careagents_app
                        USING (tenant_id IS NOT DISTINCT FROM app_tenant())
                        WITH CHECK (tenant_id IS NOT DISTINCT FROM app_tenant())', t);
        EXECUTE format('CREATE POLICY owner_maintenance ON %I TO careagents_owner USING (true) WITH CHECK (true)', t);
    END LOOP;
END
$$;

-- Knowledge base: everyone reads public articles; a tenant also reads and writes its own.
ALTER TABLE kb_articles ENABLE ROW LEVEL SECURITY;
ALTER TABLE kb_articles FORCE ROW LEVEL SECURITY;
CREATE POLICY kb_read ON kb_articles FOR SELECT TO careagents_app
    USING (tenant_id IS NULL OR tenant_id = app_tenant());
CREATE POLICY kb_tenant_insert ON kb_articles FOR INSERT TO careagents_app WITH CHECK (tenant_id = app_tenant());
CREATE POLICY kb_tenant_update ON kb_articles FOR UPDATE TO careagents_app
    USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());
CREATE POLICY kb_tenant_delete ON kb_articles FOR DELETE TO careagents_app USING (tenant_id = app_tenant());
CREATE POLICY owner_maintenance ON kb_articles TO careagents_owner USING (true) WITH CHECK (true);

-- Grants for the application role: no DDL, no TRUNCATE, audit log append-only.
GRANT SELECT ON tenants, tenant_users, tenant_keys TO careagents_app;
GRANT INSERT ON tenant_keys TO careagents_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON residents, care_notes, care_plans, risk_assessments,
    kb_articles, ai_agent_sessions, ai_agent_conversations, ai_agent_analytics, ai_agent_feedback,
    ai_agent_leads, ai_agent_rate_limits, ai_agent_security_events TO careagents_app;
GRANT SELECT, INSERT ON ai_agent_audit_log TO careagents_app;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO careagents_app;
GRANT EXECUTE ON FUNCTION app_tenant() TO careagents_app;
