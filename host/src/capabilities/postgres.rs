//! `spin:postgres/postgres@4.0.0` on tokio-postgres. `open` refuses any address whose hosts
//! are not in the component's `allowed_outbound_hosts` before a socket is opened; connections
//! come from [`super::pg_pool`], one dedicated connection per resource, so a guest's
//! `BEGIN ... COMMIT` (and the transaction-local `app.tenant_id`) stays on one session.

use super::bindings::spin::postgres::postgres::{
    DbError, Error as PgError, Host, HostConnection, ParameterValue, QueryError, RowSet,
};
use super::pg_pool::{parse_address, PooledClient};
use super::pg_values::{row_set, to_sql_param, SqlParam};
use crate::state::RequestState;
use tokio_postgres::types::ToSql;
use wasmtime::component::Resource;

/// The host side of a guest's `connection` resource.
pub struct Connection {
    client: PooledClient,
}

fn query_error(e: tokio_postgres::Error) -> PgError {
    match e.as_db_error() {
        // Only the server's message, detail and SQLSTATE: never the statement's parameters.
        Some(db) => PgError::QueryFailed(QueryError::DbError(DbError {
            as_text: format!(
                "{}: {} (SQLSTATE {})",
                db.severity(),
                db.message(),
                db.code().code()
            ),
            severity: db.severity().to_string(),
            code: db.code().code().to_string(),
            message: db.message().to_string(),
            detail: db.detail().map(str::to_string),
            extras: Vec::new(),
        })),
        None if e.is_closed() => PgError::ConnectionFailed("connection closed".into()),
        None => PgError::QueryFailed(QueryError::Text(e.to_string())),
    }
}

fn params(values: Vec<ParameterValue>) -> Result<Vec<SqlParam>, String> {
    values.into_iter().map(to_sql_param).collect()
}

/// SQLSTATE 0A000 "cached plan must not change result type": the schema changed under a
/// cached statement; prepare it again once.
fn is_stale_plan(e: &tokio_postgres::Error) -> bool {
    e.as_db_error()
        .is_some_and(|d| d.code().code() == "0A000" && d.message().contains("cached plan"))
}

async fn run<T>(
    client: &mut PooledClient,
    sql: &str,
    p: &[SqlParam],
    f: impl Fn(&tokio_postgres::Statement, Vec<tokio_postgres::Row>) -> T,
) -> Result<T, PgError> {
    for attempt in 0..2 {
        let stmt = client.prepare_cached(sql).await.map_err(query_error)?;
        match client.query(&stmt, &refs(p)).await {
            Ok(rows) => return Ok(f(&stmt, rows)),
            Err(e) if attempt == 0 && is_stale_plan(&e) => client.forget(sql),
            Err(e) => return Err(query_error(e)),
        }
    }
    unreachable!("the second attempt returns")
}

async fn run_execute(client: &mut PooledClient, sql: &str, p: &[SqlParam]) -> Result<u64, PgError> {
    for attempt in 0..2 {
        let stmt = client.prepare_cached(sql).await.map_err(query_error)?;
        match client.execute(&stmt, &refs(p)).await {
            Ok(n) => return Ok(n),
            Err(e) if attempt == 0 && is_stale_plan(&e) => client.forget(sql),
            Err(e) => return Err(query_error(e)),
        }
    }
    unreachable!("the second attempt returns")
}

fn refs(p: &[SqlParam]) -> Vec<&(dyn ToSql + Sync)> {
    p.iter()
        .map(|b| b.as_ref() as &(dyn ToSql + Sync))
        .collect()
}

impl Host for RequestState {}

impl HostConnection for RequestState {
    async fn open(
        &mut self,
        address: String,
    ) -> wasmtime::Result<Result<Resource<Connection>, PgError>> {
        let (config, targets) = match parse_address(&address) {
            Ok(v) => v,
            Err(e) => return Ok(Err(PgError::ConnectionFailed(e.to_string()))),
        };
        for (host, port) in &targets {
            if !self.component.allowed.allows("postgres", host, *port) {
                tracing::warn!(
                    component = %self.component.name,
                    destination = %format!("postgres://{host}:{port}"),
                    "outbound PostgreSQL connection refused: destination not in allowed_outbound_hosts"
                );
                return Ok(Err(PgError::ConnectionFailed(format!(
                    "destination postgres://{host}:{port} is not in allowed_outbound_hosts"
                ))));
            }
        }
        let pool = self.app.pg_pools.pool(&address, config);
        match pool.get().await {
            Ok(client) => Ok(Ok(self.table.push(Connection { client })?)),
            Err(e) => {
                tracing::warn!(component = %self.component.name, error = %e, "PostgreSQL connect failed");
                Ok(Err(PgError::ConnectionFailed(
                    "could not connect to PostgreSQL".into(),
                )))
            }
        }
    }

    async fn query(
        &mut self,
        conn: Resource<Connection>,
        statement: String,
        values: Vec<ParameterValue>,
    ) -> wasmtime::Result<Result<RowSet, PgError>> {
        let p = match params(values) {
            Ok(p) => p,
            Err(e) => return Ok(Err(PgError::BadParameter(e))),
        };
        let client = &mut self.table.get_mut(&conn)?.client;
        Ok(run(client, &statement, &p, |stmt, rows| {
            row_set(stmt.columns(), &rows)
        })
        .await)
    }

    async fn execute(
        &mut self,
        conn: Resource<Connection>,
        statement: String,
        values: Vec<ParameterValue>,
    ) -> wasmtime::Result<Result<u64, PgError>> {
        let p = match params(values) {
            Ok(p) => p,
            Err(e) => return Ok(Err(PgError::BadParameter(e))),
        };
        let client = &mut self.table.get_mut(&conn)?.client;
        // Counted like `Client::execute`: rows returned or affected, from the command tag.
        Ok(run_execute(client, &statement, &p).await)
    }

    fn drop(&mut self, conn: Resource<Connection>) -> wasmtime::Result<()> {
        // Dropping the PooledClient resets the session and returns it to the pool.
        self.table.delete(conn)?;
        Ok(())
    }
}
