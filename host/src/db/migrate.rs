//! Applies `migrations/NNNN_name.sql` in order, each in its own transaction, recording the
//! file's SHA-256. Re-running is a no-op; a changed applied migration is refused rather than
//! silently diverging. Every migration after the first runs as `careagents_owner`, so the
//! owner of the schema is never the administrator or the application role; a file whose first
//! line is `-- careagents: run as the migrating user` (role settings only) is the exception.

use anyhow::{bail, Context, Result};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// One migration file.
#[derive(Debug, Clone)]
pub struct Migration {
    pub version: i32,
    pub name: String,
    pub sql: String,
    pub checksum: String,
}

/// First line with which a migration asks to run as the migrating user instead of
/// `careagents_owner` (for role settings, which the owner role may not change).
const RUN_AS_MIGRATING_USER: &str = "-- careagents: run as the migrating user";

impl Migration {
    /// Whether the file opts out of `SET LOCAL ROLE careagents_owner` (migration 1 always runs
    /// as the migrating user: it creates that role).
    fn runs_as_migrating_user(&self) -> bool {
        self.sql.lines().next().map(str::trim) == Some(RUN_AS_MIGRATING_USER)
    }
}

/// What a run did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Report {
    pub applied: Vec<String>,
    pub already_applied: usize,
}

/// Advisory lock key serialising concurrent `migrate` runs.
const LOCK_KEY: i64 = 0x6361_7265_6167;

pub fn load_dir(dir: &Path) -> Result<Vec<Migration>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("reading migrations directory {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "sql"))
        .collect();
    files.sort();
    let mut out: Vec<Migration> = Vec::new();
    for f in files {
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let version: i32 = name
            .split('_')
            .next()
            .and_then(|v| v.parse().ok())
            .with_context(|| format!("migration {name} must start with a number (0001_...)"))?;
        if out.iter().any(|m| m.version == version) {
            bail!("two migrations have version {version}");
        }
        let sql = std::fs::read_to_string(&f)?;
        let checksum = hex::encode(Sha256::digest(sql.as_bytes()));
        out.push(Migration {
            version,
            name,
            sql,
            checksum,
        });
    }
    Ok(out)
}

/// Applies pending migrations with the administrator's connection.
pub async fn run(admin_url: &str, dir: &Path) -> Result<Report> {
    let migrations = load_dir(dir)?;
    let mut client = super::connect(admin_url).await?;
    client
        .batch_execute(
            "CREATE TABLE IF NOT EXISTS careagents_migrations (
                version integer PRIMARY KEY,
                name text NOT NULL,
                checksum text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now())",
        )
        .await?;
    client
        .execute("SELECT pg_advisory_lock($1)", &[&LOCK_KEY])
        .await?;
    let result = apply(&mut client, &migrations).await;
    client
        .execute("SELECT pg_advisory_unlock($1)", &[&LOCK_KEY])
        .await?;
    result
}

async fn apply(client: &mut tokio_postgres::Client, migrations: &[Migration]) -> Result<Report> {
    let mut report = Report::default();
    for m in migrations {
        let recorded = client
            .query_opt(
                "SELECT checksum FROM careagents_migrations WHERE version = $1",
                &[&m.version],
            )
            .await?;
        if let Some(row) = recorded {
            let checksum: String = row.get(0);
            if checksum != m.checksum {
                bail!(
                    "migration {} was changed after it was applied (checksum {} recorded, {} now): add a new migration instead",
                    m.name, &checksum[..12], &m.checksum[..12]
                );
            }
            report.already_applied += 1;
            continue;
        }
        let tx = client.transaction().await?;
        if m.version > 1 && !m.runs_as_migrating_user() {
            tx.batch_execute("SET LOCAL ROLE careagents_owner").await?;
        }
        tx.batch_execute(&m.sql)
            .await
            .with_context(|| format!("applying migration {}", m.name))?;
        tx.batch_execute("RESET ROLE").await?;
        tx.execute(
            "INSERT INTO careagents_migrations (version, name, checksum) VALUES ($1, $2, $3)",
            &[&m.version, &m.name, &m.checksum],
        )
        .await?;
        tx.commit().await?;
        tracing::info!(migration = %m.name, "applied");
        report.applied.push(m.name.clone());
    }
    // Keep the conversation partitions ahead of time on every run.
    if migrations.iter().any(|m| m.version >= 2) {
        let tx = client.transaction().await?;
        tx.batch_execute(
            "SET LOCAL ROLE careagents_owner; SELECT ai_agent_create_conversation_partitions(3);",
        )
        .await?;
        tx.commit().await?;
    }
    Ok(report)
}

/// Gives the application role a password so components can log in as it.
pub async fn set_app_password(admin_url: &str, password: &str) -> Result<()> {
    if !password.bytes().all(|b| b.is_ascii_alphanumeric()) {
        bail!("the application role's password must be alphanumeric");
    }
    let client = super::connect(admin_url).await?;
    client
        .batch_execute(&format!(
            "ALTER ROLE careagents_app WITH LOGIN PASSWORD '{password}'"
        ))
        .await?;
    Ok(())
}
