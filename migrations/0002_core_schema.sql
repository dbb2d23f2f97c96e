-- Runs as careagents_owner (the migration runner sets the role after 0001).

CREATE TABLE tenants (
    id          text PRIMARY KEY CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)+$'),
    tenant_id   text GENERATED ALWAYS AS (id) STORED,
    name        text NOT NULL,
    status      text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
    settings    jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE tenant_users (
    tenant_id    text NOT NULL REFERENCES tenants(id),
    user_id      text NOT NULL,
    display_name text NOT NULL,
    roles        text[] NOT NULL DEFAULT '{}',
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, user_id)
);

-- Wrapped data keys, one row per version. Destroying a tenant's rows erases its data.
CREATE TABLE tenant_keys (
    tenant_id    text NOT NULL REFERENCES tenants(id),
    version      integer NOT NULL CHECK (version > 0),
    wrapped_key  bytea NOT NULL,
    key_source   text NOT NULL CHECK (key_source IN ('local', 'kms')),
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, version)
);

CREATE TABLE residents (
    id              text PRIMARY KEY,
    tenant_id       text NOT NULL REFERENCES tenants(id),
    -- AES-256-GCM ciphertext of the identifying fields (name, NHS number, date of birth), JSON.
    identity_ct     bytea,
    key_version     integer,
    room            text,
    -- Clinical summary used to ground answers: needs, conditions, falls history, mobility.
    care_profile    jsonb NOT NULL DEFAULT '{}'::jsonb,
    status          text NOT NULL DEFAULT 'active',
    created_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (id LIKE tenant_id || '\_resident\_%')
);
CREATE INDEX idx_residents_tenant ON residents (tenant_id);

CREATE TABLE care_notes (
    id           bigserial PRIMARY KEY,
    tenant_id    text NOT NULL REFERENCES tenants(id),
    resident_id  text NOT NULL REFERENCES residents(id),
    author_id    text,
    note_ct      bytea NOT NULL,
    key_version  integer NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_care_notes_resident ON care_notes (tenant_id, resident_id, created_at DESC);

CREATE TABLE care_plans (
    id           bigserial PRIMARY KEY,
    tenant_id    text NOT NULL REFERENCES tenants(id),
    resident_id  text NOT NULL REFERENCES residents(id),
    title        text NOT NULL,
    summary      text NOT NULL DEFAULT '',
    status       text NOT NULL DEFAULT 'active',
    review_due   date,
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_care_plans_resident ON care_plans (tenant_id, resident_id);

CREATE TABLE risk_assessments (
    id           bigserial PRIMARY KEY,
    tenant_id    text NOT NULL REFERENCES tenants(id),
    resident_id  text NOT NULL REFERENCES residents(id),
    kind         text NOT NULL,
    level        text NOT NULL CHECK (level IN ('LOW', 'MEDIUM', 'HIGH')),
    summary      text NOT NULL DEFAULT '',
    assessed_at  timestamptz NOT NULL DEFAULT now(),
    review_due   date
);
CREATE INDEX idx_risk_assessments_resident ON risk_assessments (tenant_id, resident_id);

-- array_to_string is only STABLE; tags are text[] so joining them is immutable in fact.
CREATE FUNCTION kb_tags_text(tags text[]) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT array_to_string(tags, ' ') $$;

-- Knowledge base: public rows have tenant_id IS NULL.
CREATE TABLE kb_articles (
    id          bigserial PRIMARY KEY,
    tenant_id   text REFERENCES tenants(id),
    type        text NOT NULL CHECK (type IN ('FAQ', 'FEATURE', 'GUIDE', 'POLICY', 'PROCEDURE', 'CASE_STUDY', 'PRICING')),
    slug        text NOT NULL,
    title       text NOT NULL,
    content     text NOT NULL,
    category    text NOT NULL DEFAULT 'general',
    tags        text[] NOT NULL DEFAULT '{}',
    metadata    jsonb NOT NULL DEFAULT '{}'::jsonb,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    search      tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
                    setweight(to_tsvector('english', coalesce(kb_tags_text(tags), '')), 'B') ||
                    setweight(to_tsvector('english', coalesce(content, '')), 'C')
                ) STORED
);
CREATE UNIQUE INDEX idx_kb_articles_identity ON kb_articles ((COALESCE(tenant_id, '')), type, slug);
CREATE INDEX idx_knowledge_base_ai_search ON kb_articles USING gin (search);
CREATE INDEX idx_kb_articles_title_trgm ON kb_articles USING gin (title gin_trgm_ops);

CREATE TABLE ai_agent_sessions (
    id              text PRIMARY KEY,
    tenant_id       text REFERENCES tenants(id),
    agent_type      text NOT NULL CHECK (agent_type IN ('public', 'tenant')),
    user_id         text,
    client_key      text,
    violation_count integer NOT NULL DEFAULT 0,
    metadata        jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at      timestamptz NOT NULL DEFAULT now(),
    last_used_at    timestamptz NOT NULL DEFAULT now(),
    ended_at        timestamptz,
    end_reason      text,
    CHECK ((agent_type = 'public') = (tenant_id IS NULL))
);
CREATE INDEX idx_ai_sessions_active_tenant ON ai_agent_sessions (tenant_id, last_used_at) WHERE ended_at IS NULL;
CREATE INDEX idx_ai_sessions_active_client ON ai_agent_sessions (client_key, created_at) WHERE ended_at IS NULL AND agent_type = 'public';

-- Conversation turns, partitioned by month. Tenant turns hold ciphertext only.
CREATE TABLE ai_agent_conversations (
    id           bigserial,
    session_id   text NOT NULL,
    tenant_id    text,
    role         text NOT NULL CHECK (role IN ('user', 'assistant')),
    content      text,
    content_ct   bytea,
    key_version  integer,
    response_id  text,
    metadata     jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id, created_at),
    CHECK (tenant_id IS NULL OR (content IS NULL AND content_ct IS NOT NULL AND key_version IS NOT NULL))
) PARTITION BY RANGE (created_at);
CREATE INDEX idx_ai_conversations_session_time ON ai_agent_conversations (session_id, created_at);
CREATE TABLE ai_agent_conversations_default PARTITION OF ai_agent_conversations DEFAULT;

-- Creates the monthly partitions from this month to `months_ahead` months ahead; safe to re-run
-- (call it from a scheduler monthly). Rows outside them land in the default partition.
CREATE OR REPLACE FUNCTION ai_agent_create_conversation_partitions(months_ahead integer DEFAULT 3)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    m date;
    created integer := 0;
    part text;
BEGIN
    FOR i IN 0..months_ahead LOOP
        m := (date_trunc('month', now()) + make_interval(months => i))::date;
        part := format('ai_agent_conversations_%s', to_char(m, 'YYYY_MM'));
        IF to_regclass(part) IS NULL THEN
            EXECUTE format(
                'CREATE TABLE %I PARTITION OF ai_agent_conversations FOR VALUES FROM (%L) TO (%L)',
                part, m, (m + interval '1 month')::date);
            created := created + 1;
        END IF;
    END LOOP;
    RETURN created;
END
$$;
SELECT ai_agent_create_conversation_partitions(3);

CREATE TABLE ai_agent_analytics (
    id               bigserial PRIMARY KEY,
    tenant_id        text,
    session_id       text,
    response_id      text,
    agent_type       text NOT NULL,
    event_type       text NOT NULL DEFAULT 'response',
    inquiry_type     text,
    intent           text,
    confidence       real,
    response_time_ms real,
    escalated        boolean,
    details          jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_ai_analytics_time ON ai_agent_analytics (tenant_id, created_at);

CREATE TABLE ai_agent_feedback (
    id           bigserial PRIMARY KEY,
    tenant_id    text,
    session_id   text NOT NULL,
    response_id  text,
    helpful      boolean NOT NULL,
    rating       smallint CHECK (rating BETWEEN 1 AND 5),
    comments     text,
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE ai_agent_leads (
    id            bigserial PRIMARY KEY,
    tenant_id     text CHECK (tenant_id IS NULL),
    session_id    text,
    name          text,
    email         text,
    phone         text,
    organization  text,
    consent       boolean NOT NULL CHECK (consent),
    details       jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- One central counter per (scope, key, window): exact across any number of instances.
CREATE TABLE ai_agent_rate_limits (
    scope         text NOT NULL CHECK (scope IN ('public', 'tenant')),
    tenant_id     text,
    key           text NOT NULL,
    window_start  timestamptz NOT NULL,
    count         integer NOT NULL DEFAULT 0,
    PRIMARY KEY (scope, key, window_start)
);

CREATE TABLE ai_agent_security_events (
    id           bigserial PRIMARY KEY,
    tenant_id    text,
    session_id   text,
    agent_type   text NOT NULL,
    violation    text NOT NULL,
    severity     text NOT NULL,
    rule_id      text,
    client_key   text,
    details      jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idx_ai_security_events_time ON ai_agent_security_events (tenant_id, created_at);
