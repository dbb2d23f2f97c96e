//! PostgreSQL administration: the embedded development cluster, migrations, and seed data.
//! These run with the administrator's connection (never the application role's).

pub mod embedded;
pub mod kb;
pub mod migrate;
pub mod seed;

use anyhow::{Context, Result};
use tokio_postgres::{Client, NoTls};

/// Connects with a URL and drives the connection in the background.
pub async fn connect(url: &str) -> Result<Client> {
    let (client, conn) = tokio_postgres::connect(url, NoTls).await.context(
        "connecting to PostgreSQL (is it running? `careagents db start` or set DATABASE_URL)",
    )?;
    tokio::spawn(async move {
        if let Err(e) = conn.await {
            tracing::debug!(error = %e, "admin connection ended");
        }
    });
    Ok(client)
}

/// Replaces the user and password of a `postgres://` URL (used to derive the application
/// role's URL from the administrator's).
pub fn with_credentials(url: &str, user: &str, password: &str) -> Result<String> {
    let rest = url
        .strip_prefix("postgres://")
        .or_else(|| url.strip_prefix("postgresql://"))
        .context("database URL must start with postgres://")?;
    let host_part = match rest.rfind('@') {
        Some(i) => &rest[i + 1..],
        None => rest,
    };
    Ok(format!("postgres://{user}:{password}@{host_part}"))
}

/// `host:port` of a `postgres://` URL, for `allowed_outbound_hosts`.
pub fn host_port(url: &str) -> Result<(String, u16)> {
    let (_, targets) = crate::capabilities::pg_pool::parse_address(url)?;
    Ok(targets[0].clone())
}

#[cfg(test)]
mod tests {
    #[test]
    fn credentials_are_replaced() {
        assert_eq!(
            super::with_credentials("postgres://a:b@127.0.0.1:5/db?x=1", "u", "p").unwrap(),
            "postgres://u:p@127.0.0.1:5/db?x=1"
        );
        assert_eq!(
            super::with_credentials("postgres://h:5/db", "u", "p").unwrap(),
            "postgres://u:p@h:5/db"
        );
    }
}
