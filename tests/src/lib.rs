//! The end-to-end test harness: a real PostgreSQL (the embedded cluster, or `DATABASE_URL`),
//! a fresh migrated database per test, and the real `careagents` binary serving the real
//! `.wasm` components over HTTP on ports the OS picks.
//!
//! The components must be built first (`make test` does it); the harness says so if not.

use anyhow::{bail, Context, Result};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The workspace root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// Where the test cluster and the component cache live (kept between runs: initdb once).
pub fn state_dir() -> PathBuf {
    root().join("target").join("careagents-test")
}

/// Checks that a component was built, with the command to build it if not.
pub fn component(name: &str) -> PathBuf {
    let p = root()
        .join("target/wasm32-wasip2/wasm")
        .join(format!("{name}.wasm"));
    assert!(
        p.exists(),
        "{} is missing: build the components first with `make components` (or run `make test`)",
        p.display()
    );
    p
}

/// The runtime the harness's database work runs on; it outlives every test.
pub fn rt() -> &'static tokio::runtime::Runtime {
    static RT: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RT.get_or_init(|| {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap()
    })
}

/// Connects to `url` on the harness runtime.
pub fn connect(url: &str) -> tokio_postgres::Client {
    rt().block_on(careagents::db::connect(url))
        .expect("connecting to the test database")
}

/// The administrator URL of the PostgreSQL server tests use, without a database name.
fn server_admin_url() -> &'static str {
    static URL: OnceLock<String> = OnceLock::new();
    URL.get_or_init(|| {
        if let Ok(u) = std::env::var("DATABASE_URL") {
            return u;
        }
        let dir = state_dir();
        std::fs::create_dir_all(&dir).unwrap();
        // Test binaries may run at once (nextest): one initdb/start at a time.
        let lock = std::fs::File::create(dir.join("pg.lock")).unwrap();
        // SAFETY: flock on an owned, open descriptor.
        unsafe { libc::flock(std::os::fd::AsRawFd::as_raw_fd(&lock), libc::LOCK_EX) };
        let cluster = careagents::db::embedded::Cluster::open(&dir).expect("embedded PostgreSQL");
        rt().block_on(cluster.start())
            .expect("starting embedded PostgreSQL");
        drop(lock);
        cluster.url_for("postgres")
    })
}

fn replace_database(url: &str, db: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, format!("?{q}")),
        None => (url, String::new()),
    };
    let scheme_end = base.find("://").map(|i| i + 3).unwrap_or(0);
    let base = match base[scheme_end..].find('/') {
        Some(i) => &base[..scheme_end + i],
        None => base,
    };
    format!("{base}/{db}{query}")
}

/// Serialises cluster-wide role changes across threads and test processes.
struct ClusterLock {
    _thread: std::sync::MutexGuard<'static, ()>,
    file: std::fs::File,
}

impl ClusterLock {
    fn take() -> Self {
        static THREADS: std::sync::Mutex<()> = std::sync::Mutex::new(());
        let thread = THREADS.lock().unwrap_or_else(|e| e.into_inner());
        std::fs::create_dir_all(state_dir()).unwrap();
        let file = std::fs::File::create(state_dir().join("migrate.lock")).unwrap();
        // SAFETY: flock on an owned, open descriptor; released when the file closes.
        unsafe { libc::flock(std::os::fd::AsRawFd::as_raw_fd(&file), libc::LOCK_EX) };
        Self {
            _thread: thread,
            file,
        }
    }
}

impl Drop for ClusterLock {
    fn drop(&mut self) {
        // SAFETY: as above.
        unsafe { libc::flock(std::os::fd::AsRawFd::as_raw_fd(&self.file), libc::LOCK_UN) };
    }
}

/// A migrated database of its own for one test.
pub struct TestDb {
    pub name: String,
    pub admin_url: String,
    pub app_password: String,
}

impl TestDb {
    /// Creates and migrates a new database (blocking; tests use plain `#[test]`).
    pub fn new() -> Result<Self> {
        let server = server_admin_url().to_string();
        // Migrations grant and alter cluster-wide roles; two at once on one server fail with
        // "tuple concurrently updated", so tests (threads and processes) take turns.
        let _turn = ClusterLock::take();
        rt().block_on(Self::create(server))
    }

    async fn create(server: String) -> Result<Self> {
        let name = format!("t_{}", hex::encode(rand::random::<[u8; 6]>()));
        let client = careagents::db::connect(&server).await?;
        client
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .await?;
        let admin_url = replace_database(&server, &name);
        careagents::db::migrate::run(&admin_url, &root().join("migrations")).await?;
        // Roles are cluster-wide: every test database shares careagents_app's password.
        careagents::db::migrate::set_app_password(&admin_url, &shared_app_password()).await?;
        Ok(Self {
            name,
            admin_url,
            app_password: shared_app_password(),
        })
    }

    /// Imports the public knowledge base from `docs/` (as `careagents kb import` does).
    pub fn with_knowledge_base(self) -> Result<Self> {
        rt().block_on(careagents::db::kb::import(
            &self.admin_url,
            &root().join("docs"),
        ))?;
        Ok(self)
    }

    /// Seeds the demo tenants (as `careagents seed --demo` does).
    pub fn with_demo_tenants(self) -> Result<Self> {
        rt().block_on(careagents::db::seed::seed_demo(&self.admin_url))?;
        Ok(self)
    }

    /// One number from the database, read as the administrator (sees every row).
    pub fn count(&self, sql: &str) -> i64 {
        let c = connect(&self.admin_url);
        rt().block_on(c.query_one(sql, &[]))
            .expect("count query")
            .get::<_, i64>(0)
    }

    /// URL for the application role (row-level security applies).
    pub fn app_url(&self) -> String {
        careagents::db::with_credentials(&self.admin_url, "careagents_app", &self.app_password)
            .unwrap()
    }

    /// `--var` settings pointing the components at this database.
    pub fn host_vars(&self) -> Vec<(String, String)> {
        let (host, port) = careagents::db::host_port(&self.admin_url).unwrap();
        vec![
            ("ai_agent_db_host".into(), host),
            ("ai_agent_db_port".into(), port.to_string()),
            ("ai_agent_db_name".into(), self.name.clone()),
            ("ai_agent_db_user".into(), "careagents_app".into()),
            ("ai_agent_db_password".into(), self.app_password.clone()),
        ]
    }
}

/// One password for the cluster-wide application role, fixed per test server.
fn shared_app_password() -> String {
    "careagentsTestAppRole1".to_string()
}

/// A running `careagents serve` process.
pub struct Host {
    pub child: Child,
    pub base: String,
    pub admin: String,
    stderr_log: PathBuf,
}

impl Host {
    /// Starts the host binary on `manifest` with `vars`, and waits until it listens.
    pub fn start(manifest: &Path, vars: &[(String, String)]) -> Result<Self> {
        let bin = host_binary()?;
        let log = state_dir().join(format!(
            "host-{}.log",
            hex::encode(rand::random::<[u8; 4]>())
        ));
        let mut cmd = Command::new(bin);
        cmd.arg("--state-dir")
            .arg(state_dir())
            .args([
                "serve",
                "--listen",
                "127.0.0.1:0",
                "--admin-listen",
                "127.0.0.1:0",
                "--manifest",
            ])
            .arg(manifest)
            .env("CAREAGENTS_LOG", "info")
            .env_remove("DATABASE_URL")
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        for (k, v) in vars {
            cmd.arg("--var").arg(format!("{k}={v}"));
        }
        let mut child = cmd.spawn().context("spawning careagents")?;
        let stderr = child.stderr.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let log_path = log.clone();
        std::thread::spawn(move || {
            let mut file = std::fs::File::create(&log_path).ok();
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(f) = file.as_mut() {
                    use std::io::Write;
                    let _ = writeln!(f, "{line}");
                }
                let _ = tx.send(line);
            }
        });
        let deadline = Instant::now() + Duration::from_secs(90);
        let (mut base, mut admin) = (None, None);
        while base.is_none() || admin.is_none() {
            let left = deadline.saturating_duration_since(Instant::now());
            match rx.recv_timeout(left) {
                Ok(line) => {
                    if let Some(a) = line.strip_prefix("admin listening on ") {
                        admin = Some(a.trim().to_string());
                    } else if let Some(a) = line.strip_prefix("listening on ") {
                        base = Some(a.trim().to_string());
                    }
                }
                Err(_) => {
                    let _ = child.kill();
                    let text = std::fs::read_to_string(&log).unwrap_or_default();
                    bail!("careagents did not start:\n{text}");
                }
            }
        }
        Ok(Self {
            child,
            base: base.unwrap(),
            admin: admin.unwrap(),
            stderr_log: log,
        })
    }

    /// Everything the host printed to stderr so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.stderr_log).unwrap_or_default()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn pid(&self) -> i32 {
        self.child.id() as i32
    }
}

impl Drop for Host {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn host_binary() -> Result<PathBuf> {
    // Test executables live in target/<profile>/deps; the host binary one level up.
    let exe = std::env::current_exe()?;
    let dir = exe
        .parent()
        .and_then(Path::parent)
        .context("test binary location")?;
    let bin = dir.join("careagents");
    if !bin.exists() {
        bail!(
            "{} is missing: `cargo test --workspace` builds it through host/tests/cli.rs (or run `make test`)",
            bin.display()
        );
    }
    Ok(bin)
}

/// A blocking HTTP client with a generous timeout.
pub fn http() -> reqwest::blocking::Client {
    reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(60))
        .build()
        .unwrap()
}

/// A client whose connections come from `ip` (any 127.0.0.0/8 address reaches the host on
/// 127.0.0.1), so tests can be "another client IP" without leaving the machine.
pub fn http_from(ip: &str) -> reqwest::blocking::Client {
    reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(60))
        .local_address(ip.parse::<std::net::IpAddr>().unwrap())
        .build()
        .unwrap()
}

/// The application manifest at the repository root.
pub fn app_manifest() -> PathBuf {
    root().join("spin.toml")
}

/// The test-only manifest with the hello and probe components.
pub fn probe_manifest() -> PathBuf {
    root().join("tests/fixtures/probe.toml")
}
