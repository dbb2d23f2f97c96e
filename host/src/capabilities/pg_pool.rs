//! Connection pools for outbound PostgreSQL, one per address (credentials included, so two
//! roles never share a connection).
//!
//! A connection goes back to its pool only after `ROLLBACK` and `RESET ALL`: a guest that
//! drops its connection inside a transaction, or after `SET app.tenant_id`, must not hand
//! that state (and so that tenant) to the next request. The reset runs in a background task,
//! off the request's path.
//!
//! Each pooled session keeps the statements it has prepared (by SQL text), so a pipeline's
//! queries are parsed and analysed once per connection, not once per request.

use anyhow::{anyhow, Context, Result};
use std::collections::HashMap;
use std::str::FromStr;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio_postgres::{Client, Config, NoTls, Statement};

/// Pool settings shared by every address.
#[derive(Debug, Clone)]
pub struct PoolSettings {
    pub max_connections: usize,
    pub statement_timeout: Duration,
    pub connect_timeout: Duration,
}

impl Default for PoolSettings {
    fn default() -> Self {
        Self {
            max_connections: 32,
            statement_timeout: Duration::from_secs(5),
            connect_timeout: Duration::from_secs(5),
        }
    }
}

/// All pools of the host, keyed by the exact address string.
#[derive(Default)]
pub struct PgPools {
    settings: PoolSettings,
    pools: Mutex<HashMap<String, Arc<Pool>>>,
}

impl PgPools {
    pub fn new(settings: PoolSettings) -> Self {
        Self {
            settings,
            pools: Mutex::default(),
        }
    }

    /// The pool for `address`, created on first use. The address must already be checked
    /// against the caller's allow-list.
    pub fn pool(&self, address: &str, config: Config) -> Arc<Pool> {
        let mut pools = self.pools.lock().unwrap();
        pools
            .entry(address.to_string())
            .or_insert_with(|| Arc::new(Pool::new(config, &self.settings)))
            .clone()
    }
}

pub struct Pool {
    config: Config,
    idle: Mutex<Vec<Session>>,
    limit: Arc<Semaphore>,
}

impl Pool {
    fn new(mut config: Config, settings: &PoolSettings) -> Self {
        let timeout_ms = settings.statement_timeout.as_millis();
        let options = match config.get_options() {
            Some(o) if !o.is_empty() => format!("{o} -c statement_timeout={timeout_ms}"),
            _ => format!("-c statement_timeout={timeout_ms}"),
        };
        config.options(options);
        config.connect_timeout(settings.connect_timeout);
        if config.get_application_name().is_none() {
            config.application_name("careagents");
        }
        Self {
            config,
            idle: Mutex::default(),
            limit: Arc::new(Semaphore::new(settings.max_connections)),
        }
    }

    /// Checks out a connection, opening one when none is idle.
    pub async fn get(self: &Arc<Self>) -> Result<PooledClient> {
        let permit = self
            .limit
            .clone()
            .acquire_owned()
            .await
            .map_err(|_| anyhow!("pool closed"))?;
        loop {
            let candidate = self.idle.lock().unwrap().pop();
            match candidate {
                Some(c) if !c.client.is_closed() => {
                    return Ok(PooledClient {
                        session: Some(c),
                        pool: self.clone(),
                        permit: Some(permit),
                    })
                }
                Some(_) => continue,
                None => break,
            }
        }
        let (client, conn) = self
            .config
            .connect(NoTls)
            .await
            .context("connecting to PostgreSQL")?;
        tokio::spawn(async move {
            if let Err(e) = conn.await {
                tracing::debug!(error = %e, "postgres connection ended");
            }
        });
        Ok(PooledClient {
            session: Some(Session {
                client,
                statements: HashMap::new(),
            }),
            pool: self.clone(),
            permit: Some(permit),
        })
    }
}

/// One server session and the statements prepared on it.
struct Session {
    client: Client,
    statements: HashMap<String, Statement>,
}

/// Prepared statements kept per session; past this the cache starts over.
const MAX_CACHED_STATEMENTS: usize = 256;

/// A checked-out connection; returned (after reset) when dropped.
pub struct PooledClient {
    session: Option<Session>,
    pool: Arc<Pool>,
    permit: Option<OwnedSemaphorePermit>,
}

impl std::ops::Deref for PooledClient {
    type Target = Client;
    fn deref(&self) -> &Client {
        &self
            .session
            .as_ref()
            .expect("session present until drop")
            .client
    }
}

impl PooledClient {
    /// The statement for `sql`, prepared on this session once.
    pub async fn prepare_cached(&mut self, sql: &str) -> Result<Statement, tokio_postgres::Error> {
        let session = self.session.as_mut().expect("session present until drop");
        if let Some(s) = session.statements.get(sql) {
            return Ok(s.clone());
        }
        let stmt = session.client.prepare(sql).await?;
        if session.statements.len() >= MAX_CACHED_STATEMENTS {
            session.statements.clear();
        }
        session.statements.insert(sql.to_string(), stmt.clone());
        Ok(stmt)
    }

    /// Forgets a cached statement (after the server invalidated its plan).
    pub fn forget(&mut self, sql: &str) {
        if let Some(s) = self.session.as_mut() {
            s.statements.remove(sql);
        }
    }
}

impl Drop for PooledClient {
    fn drop(&mut self) {
        let Some(session) = self.session.take() else {
            return;
        };
        if session.client.is_closed() {
            return;
        }
        let pool = self.pool.clone();
        // The permit moves with the reset so the pool never exceeds its limit.
        let permit = self.permit.take();
        let reset = async move {
            // One round trip; ROLLBACK outside a transaction is only a warning.
            if session
                .client
                .batch_execute("ROLLBACK; RESET ALL")
                .await
                .is_ok()
            {
                pool.idle.lock().unwrap().push(session);
            }
            drop(permit);
        };
        match tokio::runtime::Handle::try_current() {
            Ok(h) => {
                h.spawn(reset);
            }
            Err(_) => drop(reset),
        }
    }
}

/// Parses a guest-supplied address. Unix sockets are refused: only TCP destinations can be
/// checked against `allowed_outbound_hosts`.
pub fn parse_address(address: &str) -> Result<(Config, Vec<(String, u16)>)> {
    let config = Config::from_str(address).map_err(|_| anyhow!("malformed PostgreSQL address"))?;
    let ports = config.get_ports();
    let mut targets = Vec::new();
    for (i, h) in config.get_hosts().iter().enumerate() {
        let host = match h {
            tokio_postgres::config::Host::Tcp(h) => h.clone(),
            #[cfg(unix)]
            tokio_postgres::config::Host::Unix(_) => {
                return Err(anyhow!("unix-socket PostgreSQL addresses are not allowed"))
            }
        };
        let port = ports
            .get(i)
            .or_else(|| ports.first())
            .copied()
            .unwrap_or(5432);
        targets.push((host, port));
    }
    if targets.is_empty() {
        return Err(anyhow!("PostgreSQL address names no host"));
    }
    Ok((config, targets))
}
