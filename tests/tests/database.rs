//! The schema as the application role sees it: row-level security, the append-only audit
//! log, and the migration runner's guarantees.

use careagents_tests::{connect, root, rt, TestDb};

fn seed_two_tenants(db: &TestDb) {
    let admin = connect(&db.admin_url);
    rt().block_on(admin.batch_execute(
        "SET ROLE careagents_owner;
         INSERT INTO tenants (id, name) VALUES ('healthcare-alpha', 'Alpha'), ('healthcare-beta', 'Beta');
         INSERT INTO residents (id, tenant_id, room) VALUES
            ('healthcare-alpha_resident_1', 'healthcare-alpha', 'A1'),
            ('healthcare-beta_resident_1', 'healthcare-beta', 'B1');
         RESET ROLE;",
    ))
    .unwrap();
}

#[test]
fn tenant_rows_are_invisible_to_the_application_role_without_a_tenant() {
    let db = TestDb::new().unwrap();
    seed_two_tenants(&db);
    let app = connect(&db.app_url());
    let n: i64 = rt()
        .block_on(app.query_one("SELECT count(*) FROM residents", &[]))
        .unwrap()
        .get(0);
    assert_eq!(n, 0);
    let n: i64 = rt()
        .block_on(app.query_one("SELECT count(*) FROM tenants", &[]))
        .unwrap()
        .get(0);
    assert_eq!(n, 0);
    // The administrator sees both, so the zero above is the policy, not an empty table.
    let admin = connect(&db.admin_url);
    let n: i64 = rt()
        .block_on(admin.query_one("SELECT count(*) FROM residents", &[]))
        .unwrap()
        .get(0);
    assert_eq!(n, 2);
}

#[test]
fn with_tenant_a_set_tenant_b_rows_can_be_neither_read_nor_written() {
    let db = TestDb::new().unwrap();
    seed_two_tenants(&db);
    let mut app = connect(&db.app_url());
    rt().block_on(async {
        let tx = app.transaction().await.unwrap();
        tx.execute(
            "SELECT set_config('app.tenant_id', $1, true)",
            &[&"healthcare-alpha"],
        )
        .await
        .unwrap();
        let ids: Vec<String> = tx
            .query("SELECT id FROM residents", &[])
            .await
            .unwrap()
            .iter()
            .map(|r| r.get(0))
            .collect();
        assert_eq!(ids, vec!["healthcare-alpha_resident_1".to_string()]);
        let beta = tx
            .query(
                "SELECT id FROM residents WHERE id = 'healthcare-beta_resident_1'",
                &[],
            )
            .await
            .unwrap();
        assert!(beta.is_empty());
        // Updating or deleting B's row touches nothing.
        let n = tx
            .execute(
                "UPDATE residents SET room = 'X' WHERE tenant_id = 'healthcare-beta'",
                &[],
            )
            .await
            .unwrap();
        assert_eq!(n, 0);
        tx.commit().await.unwrap();
    });
    // Inserting a row for B while A is set is refused by the policy.
    let err = rt()
        .block_on(async {
            let tx = app.transaction().await.unwrap();
            tx.execute("SELECT set_config('app.tenant_id', $1, true)", &[&"healthcare-alpha"]).await.unwrap();
            tx.execute(
                "INSERT INTO residents (id, tenant_id) VALUES ('healthcare-beta_resident_9', 'healthcare-beta')",
                &[],
            )
            .await
        })
        .unwrap_err();
    let db_err = err.as_db_error().expect("a database error");
    assert!(
        db_err.message().contains("row-level security"),
        "{}",
        db_err.message()
    );
    // The setting was transaction-local: a new transaction sees nothing again.
    let n: i64 = rt()
        .block_on(app.query_one("SELECT count(*) FROM residents", &[]))
        .unwrap()
        .get(0);
    assert_eq!(n, 0);
}

#[test]
fn the_application_role_cannot_bypass_or_alter_security() {
    let db = TestDb::new().unwrap();
    let app = connect(&db.app_url());
    let row = rt()
        .block_on(app.query_one(
            "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user",
            &[],
        ))
        .unwrap();
    assert!(!row.get::<_, bool>(0) && !row.get::<_, bool>(1));
    for stmt in [
        "ALTER TABLE residents DISABLE ROW LEVEL SECURITY",
        "DROP POLICY tenant_isolation ON residents",
        "TRUNCATE residents",
        "CREATE TABLE x (a int)",
    ] {
        assert!(
            rt().block_on(app.batch_execute(stmt)).is_err(),
            "{stmt} must be refused"
        );
    }
}

#[test]
fn the_audit_log_is_append_only_and_hash_chained() {
    let db = TestDb::new().unwrap();
    seed_two_tenants(&db);
    let mut app = connect(&db.app_url());
    rt().block_on(async {
        let tx = app.transaction().await.unwrap();
        tx.execute("SELECT set_config('app.tenant_id', 'healthcare-alpha', true)", &[]).await.unwrap();
        for e in ["login", "inquiry"] {
            tx.execute(
                "INSERT INTO ai_agent_audit_log (tenant_id, event_type, prev_hash, hash) VALUES ('healthcare-alpha', $1, '', '')",
                &[&e],
            )
            .await
            .unwrap();
        }
        let rows = tx.query("SELECT seq, prev_hash, hash FROM ai_agent_audit_log ORDER BY seq", &[]).await.unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].get::<_, Vec<u8>>(1), rows[0].get::<_, Vec<u8>>(2), "each row links to the previous hash");
        assert_eq!(rows[0].get::<_, Vec<u8>>(2).len(), 32);
        tx.commit().await.unwrap();
    });
    for stmt in [
        "UPDATE ai_agent_audit_log SET event_type = 'x'",
        "DELETE FROM ai_agent_audit_log",
    ] {
        let r = rt().block_on(async {
            let tx = app.transaction().await.unwrap();
            tx.execute(
                "SELECT set_config('app.tenant_id', 'healthcare-alpha', true)",
                &[],
            )
            .await
            .unwrap();
            tx.batch_execute(stmt).await
        });
        assert!(r.is_err(), "{stmt} must be refused");
    }
    // Even the owner's UPDATE is stopped by the trigger.
    let admin = connect(&db.admin_url);
    assert!(rt()
        .block_on(admin.batch_execute("UPDATE ai_agent_audit_log SET event_type = 'x'"))
        .is_err());
}

#[test]
fn migrate_twice_is_a_no_op_and_an_edited_migration_is_refused() {
    let db = TestDb::new().unwrap();
    let report = rt()
        .block_on(careagents::db::migrate::run(
            &db.admin_url,
            &root().join("migrations"),
        ))
        .unwrap();
    assert!(report.applied.is_empty());
    assert!(report.already_applied >= 4);
    // A copy of the migrations with one applied file edited.
    let dir = std::env::temp_dir().join(format!("migrations-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for e in std::fs::read_dir(root().join("migrations")).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
    }
    let edited = dir.join("0002_core_schema.sql");
    let mut text = std::fs::read_to_string(&edited).unwrap();
    text.push_str("\n-- edited\n");
    std::fs::write(&edited, text).unwrap();
    let err = rt()
        .block_on(careagents::db::migrate::run(&db.admin_url, &dir))
        .unwrap_err();
    assert!(
        err.to_string().contains("was changed after it was applied"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_application_role_uses_generic_plans_in_its_database_only() {
    let db = TestDb::new().unwrap();
    let app = connect(&db.app_url());
    let show = |c: &tokio_postgres::Client| -> String {
        rt().block_on(c.query_one("SHOW plan_cache_mode", &[]))
            .unwrap()
            .get(0)
    };
    assert_eq!(show(&app), "force_generic_plan");
    // A pooled connection is handed back with RESET ALL: the role's default survives it.
    rt().block_on(app.batch_execute("SET plan_cache_mode = auto; RESET ALL"))
        .unwrap();
    assert_eq!(show(&app), "force_generic_plan");
    // The administrator (who ran the migration) keeps the server default.
    assert_eq!(show(&connect(&db.admin_url)), "auto");
}
