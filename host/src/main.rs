//! `careagents`: run, administer and inspect the careagents host. See README.md.

use anyhow::{Context, Result};
use careagents::capabilities::pg_pool::PoolSettings;
use careagents::config::Variables;
use careagents::db::{self, embedded::Cluster};
use careagents::engine::EngineSettings;
use careagents::manifest::LoadedManifest;
use careagents::server::{self, App, ServeOptions};
use clap::{Args, Parser, Subcommand};
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

#[derive(Parser)]
#[command(
    name = "careagents",
    version,
    about = "WriteCareNotes AI agents: self-hosted runner and tools"
)]
struct Cli {
    /// Where the embedded database and the component cache live.
    #[arg(
        long,
        global = true,
        env = "CAREAGENTS_STATE_DIR",
        default_value = ".careagents"
    )]
    state_dir: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the application described by spin.toml.
    Serve(ServeArgs),
    /// Start the embedded database, migrate, seed demo data when empty, and serve.
    Up(ServeArgs),
    /// The embedded development PostgreSQL.
    Db {
        #[command(subcommand)]
        action: DbAction,
    },
    /// Apply pending migrations.
    Migrate(DbArgs),
    /// Insert demo tenants and users.
    Seed {
        #[arg(long)]
        demo: bool,
        #[command(flatten)]
        db: DbArgs,
    },
    /// The public knowledge base.
    Kb {
        #[command(subcommand)]
        action: KbAction,
    },
    /// Mint a development JWT for the tenant agent (refused in production).
    Token {
        #[arg(long)]
        tenant: String,
        #[arg(long)]
        user: String,
        /// Comma-separated roles.
        #[arg(long, default_value = "staff")]
        roles: String,
        #[arg(long, default_value = "1h")]
        ttl: String,
        #[arg(long, default_value = "spin.toml")]
        manifest: PathBuf,
    },
    /// Guardrails tools.
    Guard {
        #[command(subcommand)]
        action: GuardAction,
    },
}

#[derive(Subcommand)]
enum DbAction {
    Start,
    Stop,
    Status,
    /// Print the administrator URL of the embedded database.
    Url,
}

#[derive(Subcommand)]
enum KbAction {
    /// Load every *.json file of a directory (idempotent).
    Import {
        #[arg(default_value = "docs")]
        dir: PathBuf,
        #[command(flatten)]
        db: DbArgs,
    },
    Stats(DbArgs),
}

#[derive(Subcommand)]
enum GuardAction {
    /// Recall, false-positive rate and latency of the guard on a JSONL file of {text,label,source}.
    Eval {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args, Clone)]
struct DbArgs {
    /// Administrator URL; the embedded database when absent.
    #[arg(long, env = "DATABASE_URL")]
    database_url: Option<String>,
    #[arg(long, default_value = "migrations")]
    migrations: PathBuf,
}

#[derive(Args, Clone)]
struct ServeArgs {
    #[arg(long, default_value = "spin.toml")]
    manifest: PathBuf,
    #[arg(long, env = "CAREAGENTS_LISTEN", default_value = "127.0.0.1:3000")]
    listen: SocketAddr,
    #[arg(
        long,
        env = "CAREAGENTS_ADMIN_LISTEN",
        default_value = "127.0.0.1:9090"
    )]
    admin_listen: SocketAddr,
    /// Set an application variable (repeatable): --var name=value.
    #[arg(long = "var", value_parser = parse_kv)]
    vars: Vec<(String, String)>,
    /// TOML file with a [variables] table.
    #[arg(long)]
    runtime_config_file: Option<PathBuf>,
    /// Per-request deadline.
    #[arg(long, env = "AI_AGENT_REQUEST_TIMEOUT_MS", default_value_t = 30_000)]
    request_timeout_ms: u64,
    /// Largest linear memory of one instance, MiB.
    #[arg(long, env = "AI_AGENT_MAX_INSTANCE_MEMORY_MB", default_value_t = 128)]
    max_instance_memory_mb: usize,
    #[arg(
        long,
        env = "AI_AGENT_DB_STATEMENT_TIMEOUT_MS",
        default_value_t = 5_000
    )]
    statement_timeout_ms: u64,
    #[arg(long, env = "AI_AGENT_DB_POOL_MAX", default_value_t = 32)]
    db_pool_max: usize,
    /// Do not use the precompiled component cache.
    #[arg(long)]
    no_cache: bool,
    #[command(flatten)]
    db: DbArgs,
}

fn parse_kv(s: &str) -> Result<(String, String), String> {
    s.split_once('=')
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .ok_or_else(|| "expected name=value".into())
}

fn main() -> Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("CAREAGENTS_LOG")
                .unwrap_or_else(|_| "info,wasmtime=warn,tokio_postgres=warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(run(cli))
}

async fn admin_url(state_dir: &std::path::Path, db: &DbArgs) -> Result<String> {
    match &db.database_url {
        Some(u) => Ok(u.clone()),
        None => {
            let cluster = Cluster::open(state_dir)?;
            if !cluster.is_running() {
                anyhow::bail!("the embedded database is not running: `careagents db start` (or set DATABASE_URL)");
            }
            Ok(cluster.url())
        }
    }
}

async fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Serve(args) => serve(&cli.state_dir, args, BTreeMap::new()).await,
        Command::Up(args) => up(&cli.state_dir, args).await,
        Command::Db { action } => {
            let cluster = Cluster::open(&cli.state_dir)?;
            match action {
                DbAction::Start => {
                    cluster.start().await?;
                    println!(
                        "PostgreSQL running on 127.0.0.1:{} (data in {})",
                        cluster.port,
                        cluster.root.display()
                    );
                }
                DbAction::Stop => {
                    cluster.stop()?;
                    println!("PostgreSQL stopped");
                }
                DbAction::Status => {
                    let state = if cluster.is_running() {
                        "running"
                    } else {
                        "stopped"
                    };
                    println!(
                        "{state} (port {}, data in {})",
                        cluster.port,
                        cluster.root.display()
                    );
                }
                DbAction::Url => println!("{}", cluster.url()),
            }
            Ok(())
        }
        Command::Migrate(db) => {
            let url = admin_url(&cli.state_dir, &db).await?;
            let report = db::migrate::run(&url, &db.migrations).await?;
            println!(
                "{} applied, {} already applied",
                report.applied.len(),
                report.already_applied
            );
            for m in report.applied {
                println!("  applied {m}");
            }
            Ok(())
        }
        Command::Seed { demo, db } => {
            anyhow::ensure!(demo, "only `seed --demo` exists");
            let url = admin_url(&cli.state_dir, &db).await?;
            db::seed::seed_demo(&url).await?;
            println!(
                "demo tenants: {}",
                db::seed::DEMO_TENANTS
                    .iter()
                    .map(|t| t.0)
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            Ok(())
        }
        Command::Kb { action } => match action {
            KbAction::Import { dir, db } => {
                let url = admin_url(&cli.state_dir, &db).await?;
                let n = db::kb::import(&url, &dir).await?;
                println!(
                    "{n} articles in the public knowledge base from {}",
                    dir.display()
                );
                Ok(())
            }
            KbAction::Stats(db) => {
                let url = admin_url(&cli.state_dir, &db).await?;
                for (kind, n) in db::kb::stats(&url).await? {
                    println!("{kind:<12} {n}");
                }
                Ok(())
            }
        },
        Command::Token {
            tenant,
            user,
            roles,
            ttl,
            manifest,
        } => {
            let secret = jwt_secret(&manifest)?;
            let roles: Vec<String> = roles
                .split(',')
                .map(|r| r.trim().to_string())
                .filter(|r| !r.is_empty())
                .collect();
            println!(
                "{}",
                careagents::token::mint(
                    &secret,
                    &tenant,
                    &user,
                    &roles,
                    careagents::token::parse_ttl(&ttl)?
                )?
            );
            Ok(())
        }
        Command::Guard {
            action: GuardAction::Eval { file, json },
        } => {
            let text = std::fs::read_to_string(&file)
                .with_context(|| format!("reading {}", file.display()))?;
            let report =
                careagents_guardrails::eval::run(&text, json).map_err(|e| anyhow::anyhow!(e))?;
            print!("{report}");
            Ok(())
        }
    }
}

fn jwt_secret(manifest: &std::path::Path) -> Result<String> {
    let loaded = LoadedManifest::load(manifest)?;
    let vars = Variables::resolve(&loaded.manifest, &BTreeMap::new(), None)?;
    vars.get("ai_agent_jwt_secret")
        .map(str::to_string)
        .context("spin.toml declares no ai_agent_jwt_secret variable")
}

/// Variables that point the components at a database: the application role's credentials
/// and the address the allow-list admits.
fn database_variables(admin_url: &str, app_password: &str) -> Result<BTreeMap<String, String>> {
    let (host, port) = db::host_port(admin_url)?;
    let name = admin_url
        .rsplit('/')
        .next()
        .and_then(|s| s.split('?').next())
        .filter(|s| !s.is_empty() && !s.contains('@'))
        .unwrap_or("careagents")
        .to_string();
    let mut v = BTreeMap::new();
    v.insert("ai_agent_db_host".into(), host);
    v.insert("ai_agent_db_port".into(), port.to_string());
    v.insert("ai_agent_db_name".into(), name);
    v.insert("ai_agent_db_user".into(), "careagents_app".into());
    v.insert("ai_agent_db_password".into(), app_password.to_string());
    Ok(v)
}

async fn up(state_dir: &std::path::Path, args: ServeArgs) -> Result<()> {
    let (url, app_password) = match &args.db.database_url {
        Some(u) => (
            u.clone(),
            std::env::var("AI_AGENT_DB_PASSWORD")
                .unwrap_or_else(|_| hex::encode(rand::random::<[u8; 16]>())),
        ),
        None => {
            let cluster = Cluster::open(state_dir)?;
            cluster.start().await?;
            println!(
                "database: PostgreSQL on 127.0.0.1:{} (data in {})",
                cluster.port,
                cluster.root.display()
            );
            (cluster.url(), cluster.app_password()?)
        }
    };
    let report = db::migrate::run(&url, &args.db.migrations).await?;
    println!(
        "migrations: {} applied, {} already applied",
        report.applied.len(),
        report.already_applied
    );
    db::migrate::set_app_password(&url, &app_password).await?;
    if db::seed::is_empty(&url).await? {
        db::seed::seed_demo(&url).await?;
        println!("seeded demo tenants");
    }
    let docs = args
        .manifest
        .parent()
        .map(|p| p.join("docs"))
        .unwrap_or_else(|| PathBuf::from("docs"));
    if docs.is_dir()
        && std::fs::read_dir(&docs)?
            .flatten()
            .any(|e| e.path().extension().is_some_and(|x| x == "json"))
    {
        let n = db::kb::import(&url, &docs).await?;
        println!("knowledge base: {n} articles");
    }
    let vars = database_variables(&url, &app_password)?;
    let token = jwt_secret(&args.manifest)
        .and_then(|s| {
            careagents::token::mint(
                &s,
                "healthcare-riverside",
                "healthcare-riverside_nurse",
                &["nurse".into(), "staff".into()],
                8 * 3600,
            )
        })
        .unwrap_or_else(|e| format!("(no token: {e})"));
    let base = format!("http://{}", args.listen);
    println!();
    println!(
        "careagents is serving on {base}  (admin: http://{})",
        args.admin_listen
    );
    println!("  public health:  curl {base}/v1/ai-agents/public/health");
    println!(
        "  public agent:   curl -X POST {base}/v1/ai-agents/public/inquiry -H 'content-type: application/json' -d '{{\"message\":\"How much is the Professional plan?\"}}'"
    );
    println!("  tenant health:  curl {base}/v1/ai-agents/tenant/health -H \"Authorization: Bearer $TOKEN\" -H 'X-Tenant-ID: healthcare-riverside'");
    println!(
        "  metrics:        curl http://{}/metrics",
        args.admin_listen
    );
    println!("  development token for healthcare-riverside (8h):");
    println!("  TOKEN={token}");
    println!();
    serve(state_dir, args, vars).await
}

async fn serve(
    state_dir: &std::path::Path,
    args: ServeArgs,
    extra_vars: BTreeMap<String, String>,
) -> Result<()> {
    let mut variables = extra_vars;
    variables.extend(args.vars.iter().cloned());
    let opts = ServeOptions {
        manifest: args.manifest.clone(),
        listen: args.listen,
        admin_listen: Some(args.admin_listen),
        variables,
        runtime_config: args.runtime_config_file.clone(),
        cache_dir: (!args.no_cache).then(|| state_dir.join("cache")),
        request_timeout: Duration::from_millis(args.request_timeout_ms),
        engine: EngineSettings {
            max_instance_memory: args.max_instance_memory_mb << 20,
            ..Default::default()
        },
        pool: PoolSettings {
            max_connections: args.db_pool_max,
            statement_timeout: Duration::from_millis(args.statement_timeout_ms),
            ..Default::default()
        },
    };
    let handle = careagents::metrics::install();
    let app = Arc::new(App::load(&opts)?);
    let listener = tokio::net::TcpListener::bind(opts.listen)
        .await
        .with_context(|| format!("binding {}", opts.listen))?;
    if let Some(admin) = opts.admin_listen {
        let l = tokio::net::TcpListener::bind(admin)
            .await
            .with_context(|| format!("binding admin {admin}"))?;
        let ready = Arc::new(careagents::admin::Readiness {
            database_url: app_database_url(&app),
            key_service: app
                .variables
                .get("ai_encryption_kms_endpoint")
                .filter(|s| !s.is_empty())
                .map(|s| {
                    s.trim_start_matches("https://")
                        .trim_start_matches("http://")
                        .trim_end_matches('/')
                        .to_string()
                }),
        });
        eprintln!("admin listening on http://{}", l.local_addr()?);
        tokio::spawn(careagents::admin::serve_admin(l, handle, ready));
    }
    tracing::info!(listen = %opts.listen, "serving");
    eprintln!("listening on http://{}", listener.local_addr()?);
    server::serve(app, listener, shutdown_signal(), Duration::from_secs(30)).await
}

fn app_database_url(app: &App) -> Option<String> {
    let v = &app.variables;
    let password = v.get("ai_agent_db_password").filter(|p| !p.is_empty())?;
    Some(format!(
        "postgres://{}:{}@{}:{}/{}",
        v.get("ai_agent_db_user")?,
        password,
        v.get("ai_agent_db_host")?,
        v.get("ai_agent_db_port")?,
        v.get("ai_agent_db_name")?
    ))
}

async fn shutdown_signal() {
    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        .expect("SIGTERM handler");
    tokio::select! {
        _ = term.recv() => {},
        _ = tokio::signal::ctrl_c() => {},
    }
}
