-- careagents: run as the migrating user
-- (ALTER ROLE needs the migrating user's CREATEROLE; careagents_owner has none.)
--
-- The components' statements are prepared once per pooled connection and run thousands of
-- times with different parameters. PostgreSQL's default plan cache re-plans a statement for
-- every execution while it judges custom plans cheaper; for the public knowledge-base search
-- that planning was about 1 ms of a 2.3 ms statement (measured with log_min_duration_statement
-- under `make bench-public`). Every application statement is written so that one plan suits
-- all parameters (no parameter-dependent partition or index choice), so the application role
-- uses generic plans in this database. `RESET ALL` on a pooled connection keeps this default.
DO $$
BEGIN
    EXECUTE format('ALTER ROLE careagents_app IN DATABASE %I SET plan_cache_mode = force_generic_plan',
                   current_database());
END
$$;
