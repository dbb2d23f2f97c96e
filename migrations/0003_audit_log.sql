-- Append-only, hash-chained audit log. Each row's hash covers the previous row's hash of the
-- same tenant (NULL tenant = the public chain), so a changed or removed row breaks the chain.
CREATE TABLE ai_agent_audit_log (
    id          bigserial PRIMARY KEY,
    tenant_id   text,
    seq         bigint NOT NULL,
    event_type  text NOT NULL,
    actor_id    text,
    session_id  text,
    details     jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at  timestamptz NOT NULL DEFAULT now(),
    prev_hash   bytea NOT NULL,
    hash        bytea NOT NULL,
    UNIQUE (tenant_id, seq)
);

-- The canonical text hashed for a row; `careagents audit verify` recomputes exactly this.
CREATE OR REPLACE FUNCTION ai_agent_audit_row_digest(r ai_agent_audit_log) RETURNS bytea
    LANGUAGE sql IMMUTABLE AS $$
    SELECT sha256(
        r.prev_hash ||
        convert_to(concat_ws(E'\x1f',
            coalesce(r.tenant_id, ''), r.seq::text, r.event_type, coalesce(r.actor_id, ''),
            coalesce(r.session_id, ''), r.details::text,
            to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')), 'UTF8'))
$$;

CREATE OR REPLACE FUNCTION ai_agent_audit_chain() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    last ai_agent_audit_log;
BEGIN
    -- Serialise appends per chain so two transactions cannot fork it.
    PERFORM pg_advisory_xact_lock(hashtextextended('audit:' || coalesce(NEW.tenant_id, ''), 0));
    SELECT * INTO last FROM ai_agent_audit_log
        WHERE tenant_id IS NOT DISTINCT FROM NEW.tenant_id
        ORDER BY seq DESC LIMIT 1;
    NEW.seq := coalesce(last.seq, 0) + 1;
    NEW.prev_hash := coalesce(last.hash, '\x'::bytea);
    NEW.created_at := date_trunc('microseconds', now());
    NEW.hash := ai_agent_audit_row_digest(NEW);
    RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION ai_agent_audit_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ai_agent_audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER ai_agent_audit_chain BEFORE INSERT ON ai_agent_audit_log
    FOR EACH ROW EXECUTE FUNCTION ai_agent_audit_chain();
CREATE TRIGGER ai_agent_audit_append_only BEFORE UPDATE OR DELETE ON ai_agent_audit_log
    FOR EACH ROW EXECUTE FUNCTION ai_agent_audit_refuse_change();
CREATE TRIGGER ai_agent_audit_no_truncate BEFORE TRUNCATE ON ai_agent_audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION ai_agent_audit_refuse_change();
