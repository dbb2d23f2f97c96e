//! A private PostgreSQL cluster started from the system's own binaries, for development and
//! tests: data under `<state>/postgres`, its own port on 127.0.0.1 (no Unix socket),
//! password authentication, and a generated administrator password kept in a 0600 file.
//! As root it runs the server as an unprivileged system user, since `initdb` refuses root.

use anyhow::{bail, Context, Result};
use sha2::{Digest, Sha256};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Name of the administrator role the cluster is initialised with.
pub const ADMIN_USER: &str = "careagents_admin";
/// Name of the database the application uses.
pub const DATABASE: &str = "careagents";

/// A cluster's files and how to reach it.
#[derive(Debug, Clone)]
pub struct Cluster {
    pub root: PathBuf,
    pub bindir: PathBuf,
    pub port: u16,
    admin_password: String,
    run_as: Option<(u32, u32)>,
}

/// The directory holding `initdb`, `pg_ctl` and `postgres`.
pub fn find_bindir() -> Result<PathBuf> {
    let has_all = |d: &Path| {
        ["initdb", "pg_ctl", "postgres"]
            .iter()
            .all(|b| d.join(b).exists())
    };
    if let Ok(out) = Command::new("pg_config").arg("--bindir").output() {
        let d = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
        if out.status.success() && has_all(&d) {
            return Ok(d);
        }
    }
    let mut candidates: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let v = e.file_name().to_string_lossy().parse::<u32>().ok()?;
            Some((v, e.path().join("bin")))
        })
        .filter(|(_, d)| has_all(d))
        .collect();
    candidates.sort();
    if let Some((_, d)) = candidates.pop() {
        return Ok(d);
    }
    for d in std::env::var("PATH").unwrap_or_default().split(':') {
        let d = PathBuf::from(d);
        if has_all(&d) {
            return Ok(d);
        }
    }
    bail!("no PostgreSQL server binaries found: install PostgreSQL (e.g. `apt-get install postgresql`) or set DATABASE_URL")
}

fn free_port() -> Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port())
}

fn random_secret() -> String {
    hex::encode(rand::random::<[u8; 24]>())
}

/// The unprivileged account to run the server as when we are root.
fn service_account() -> Result<Option<(u32, u32)>> {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        return Ok(None);
    }
    for name in ["postgres", "careagents"] {
        if let Some(ids) = lookup_user(name) {
            return Ok(Some(ids));
        }
    }
    let status = Command::new("useradd")
        .args([
            "--system",
            "--no-create-home",
            "--shell",
            "/usr/sbin/nologin",
            "careagents",
        ])
        .status()
        .context("running useradd to create an unprivileged user for PostgreSQL")?;
    if !status.success() {
        bail!("could not create the `careagents` system user for PostgreSQL");
    }
    lookup_user("careagents")
        .map(Some)
        .context("careagents user missing after useradd")
}

fn lookup_user(name: &str) -> Option<(u32, u32)> {
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    passwd.lines().find_map(|l| {
        let f: Vec<&str> = l.split(':').collect();
        (f.first() == Some(&name) && f.len() > 3)
            .then(|| Some((f[2].parse().ok()?, f[3].parse().ok()?)))?
    })
}

/// Whether every existing ancestor of `path` lets other users through (o+x).
fn searchable_by_others(path: &Path) -> bool {
    path.ancestors()
        .skip(1)
        .all(|dir| match std::fs::metadata(dir) {
            Ok(m) => m.permissions().mode() & 0o001 != 0,
            Err(_) => true,
        })
}

fn chown_tree(path: &Path, ids: (u32, u32)) -> Result<()> {
    std::os::unix::fs::chown(path, Some(ids.0), Some(ids.1))?;
    if path.is_dir() {
        for e in std::fs::read_dir(path)? {
            chown_tree(&e?.path(), ids)?;
        }
    }
    Ok(())
}

impl Cluster {
    /// The cluster under `state_dir`, initialising it on first use.
    ///
    /// As root, the server runs as an unprivileged user that must be able to reach its data
    /// directory; when `state_dir` sits below a directory that user cannot search (a checkout
    /// under `/root`, say), the cluster lives in the system temporary directory instead, in a
    /// folder named after the state directory, so each checkout still gets its own cluster.
    pub fn open(state_dir: &Path) -> Result<Self> {
        let bindir = find_bindir()?;
        let run_as = service_account()?;
        let mut root = std::path::absolute(state_dir.join("postgres"))?;
        if run_as.is_some() && !searchable_by_others(&root) {
            let tag = hex::encode(&Sha256::digest(root.to_string_lossy().as_bytes())[..8]);
            root = std::env::temp_dir().join(format!("careagents-postgres-{tag}"));
        }
        let port_file = root.join("port");
        let pw_file = root.join("admin.password");
        if !root.join("data").join("PG_VERSION").exists() {
            std::fs::create_dir_all(&root)?;
            let password = random_secret();
            std::fs::write(&pw_file, &password)?;
            std::fs::set_permissions(&pw_file, std::fs::Permissions::from_mode(0o600))?;
            std::fs::write(&port_file, free_port()?.to_string())?;
            if let Some(ids) = run_as {
                chown_tree(&root, ids)?;
            }
            let cluster = Self::from_files(root.clone(), bindir.clone(), run_as)?;
            cluster.initdb()?;
            return Ok(cluster);
        }
        Self::from_files(root, bindir, run_as)
    }

    fn from_files(root: PathBuf, bindir: PathBuf, run_as: Option<(u32, u32)>) -> Result<Self> {
        let port = std::fs::read_to_string(root.join("port"))?
            .trim()
            .parse()
            .context("reading port file")?;
        let admin_password = std::fs::read_to_string(root.join("admin.password"))?
            .trim()
            .to_string();
        Ok(Self {
            root,
            bindir,
            port,
            admin_password,
            run_as,
        })
    }

    fn command(&self, bin: &str) -> Command {
        let mut c = Command::new(self.bindir.join(bin));
        if let Some((uid, gid)) = self.run_as {
            c.uid(uid).gid(gid);
        }
        c.env_remove("PGDATA").stdin(Stdio::null());
        c
    }

    fn data(&self) -> PathBuf {
        self.root.join("data")
    }

    fn initdb(&self) -> Result<()> {
        let out = self
            .command("initdb")
            .arg("-D")
            .arg(self.data())
            .args([
                "-U",
                ADMIN_USER,
                "--auth=scram-sha-256",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
            ])
            .arg(format!(
                "--pwfile={}",
                self.root.join("admin.password").display()
            ))
            .output()
            .context("running initdb")?;
        if !out.status.success() {
            bail!(
                "initdb failed: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            );
        }
        Ok(())
    }

    pub fn is_running(&self) -> bool {
        self.command("pg_ctl")
            .arg("status")
            .arg("-D")
            .arg(self.data())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .map(|s| s.success())
            .unwrap_or(false)
    }

    /// Starts the server (a no-op when it is already running) and creates the database.
    pub async fn start(&self) -> Result<()> {
        if !self.is_running() {
            let opts = format!(
                "-p {} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200 -c fsync=off -c synchronous_commit=off",
                self.port
            );
            let out = self
                .command("pg_ctl")
                .arg("-D")
                .arg(self.data())
                .args(["-o", &opts, "-l"])
                .arg(self.root.join("server.log"))
                .args(["-w", "-t", "60", "start"])
                .output()
                .context("running pg_ctl start")?;
            if !out.status.success() {
                let log = std::fs::read_to_string(self.root.join("server.log")).unwrap_or_default();
                let tail: Vec<&str> = log.lines().rev().take(5).collect();
                bail!(
                    "PostgreSQL did not start: {} {}",
                    String::from_utf8_lossy(&out.stderr).trim(),
                    tail.join(" | ")
                );
            }
        }
        let client = super::connect(&self.url_for("postgres")).await?;
        let exists = client
            .query_opt("SELECT 1 FROM pg_database WHERE datname = $1", &[&DATABASE])
            .await?;
        if exists.is_none() {
            client
                .batch_execute(&format!("CREATE DATABASE {DATABASE}"))
                .await?;
        }
        Ok(())
    }

    pub fn stop(&self) -> Result<()> {
        if !self.is_running() {
            return Ok(());
        }
        let out = self
            .command("pg_ctl")
            .arg("-D")
            .arg(self.data())
            .args(["-m", "fast", "-w", "stop"])
            .output()?;
        if !out.status.success() {
            bail!(
                "pg_ctl stop failed: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            );
        }
        Ok(())
    }

    /// The administrator's URL for `database`.
    pub fn url_for(&self, database: &str) -> String {
        format!(
            "postgres://{ADMIN_USER}:{}@127.0.0.1:{}/{database}",
            self.admin_password, self.port
        )
    }

    /// The administrator's URL for the application database.
    pub fn url(&self) -> String {
        self.url_for(DATABASE)
    }

    /// The password the application role gets in this cluster (generated once, kept 0600).
    pub fn app_password(&self) -> Result<String> {
        let f = self.root.join("app.password");
        if let Ok(p) = std::fs::read_to_string(&f) {
            return Ok(p.trim().to_string());
        }
        let p = random_secret();
        std::fs::write(&f, &p)?;
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o600))?;
        Ok(p)
    }
}
