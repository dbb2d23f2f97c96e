//! Demo data for `careagents seed --demo` and `careagents up`: three active care
//! organisations and a suspended one, each with staff users. Idempotent. Later work extends
//! it with residents, keys and knowledge-base content.

use anyhow::Result;

/// (tenant id, name, status)
pub const DEMO_TENANTS: &[(&str, &str, &str)] = &[
    ("healthcare-riverside", "Riverside Care Home", "active"),
    ("healthcare-meadowbank", "Meadowbank Nursing Home", "active"),
    ("healthcare-oakwood", "Oakwood Residential Care", "active"),
    (
        "healthcare-closedhouse",
        "Closed House (suspended)",
        "suspended",
    ),
];

/// (user id suffix, display name, roles)
const DEMO_USERS: &[(&str, &str, &[&str])] = &[
    ("manager", "Registered Manager", &["care_manager", "staff"]),
    ("nurse", "Senior Nurse", &["nurse", "staff"]),
    ("carer", "Care Assistant", &["carer", "staff"]),
];

/// Whether the database holds any tenant yet.
pub async fn is_empty(admin_url: &str) -> Result<bool> {
    let client = super::connect(admin_url).await?;
    let row = client
        .query_one("SELECT count(*) FROM tenants", &[])
        .await?;
    Ok(row.get::<_, i64>(0) == 0)
}

pub async fn seed_demo(admin_url: &str) -> Result<()> {
    let mut client = super::connect(admin_url).await?;
    let tx = client.transaction().await?;
    tx.batch_execute("SET LOCAL ROLE careagents_owner").await?;
    for (id, name, status) in DEMO_TENANTS {
        tx.execute(
            "INSERT INTO tenants (id, name, status) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING",
            &[id, name, status],
        )
        .await?;
        for (suffix, display, roles) in DEMO_USERS {
            let user = format!("{id}_{suffix}");
            let roles: Vec<String> = roles.iter().map(|r| r.to_string()).collect();
            tx.execute(
                "INSERT INTO tenant_users (tenant_id, user_id, display_name, roles) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (tenant_id, user_id) DO NOTHING",
                &[id, &user, display, &roles],
            )
            .await?;
        }
    }
    tx.commit().await?;
    Ok(())
}
