//! The `careers` command line: serve the site, migrate, create the first administrator, rebuild
//! the search index, purge old applications, back up, restore and check the database.

use clap::{Parser, Subcommand};
use std::io::Read;
use std::process::ExitCode;

use careers::config::{Config, LogFormat};
use careers::{domain::auth, maintenance, models::Role, startup};

#[derive(Parser)]
#[command(
    name = "careers",
    version,
    about = "A fast, secure, server-rendered careers website"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    config: Config,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the site (the default).
    Serve,
    /// Apply database migrations and exit.
    Migrate,
    /// Create an administrator; the password is read from standard input.
    CreateAdmin {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// Read the password from standard input (required, so it stays out of shell history).
        #[arg(long, required = true)]
        password_stdin: bool,
    },
    /// Rebuild the keyword index of every vacancy (after an upgrade that changes how text is
    /// indexed, or a restore from an old backup).
    Reindex,
    /// Erase applications and CVs of closed or expired vacancies received more than DAYS ago.
    PurgeApplications {
        /// Age in days (default: RETENTION_DAYS).
        #[arg(long, value_name = "DAYS")]
        older_than: Option<u32>,
    },
    /// Add synthetic vacancies (with skills, salaries, dates and the keyword index) for
    /// benchmarks and tests at scale; never for a live site.
    Generate {
        /// How many vacancies to add.
        #[arg(long, value_name = "N")]
        vacancies: usize,
        /// The same seed gives the same vacancies.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Write a consistent copy of the database to FILE while the site keeps serving (SQLite:
    /// VACUUM INTO; PostgreSQL: pg_dump --format=custom). Never overwrites a file.
    Backup {
        #[arg(long, value_name = "FILE")]
        to: std::path::PathBuf,
    },
    /// Replace the SQLite database with a backup FILE, after checking its integrity and its
    /// migrations; the server must be stopped. The old database is kept beside it.
    Restore {
        #[arg(long, value_name = "FILE")]
        from: std::path::PathBuf,
    },
    /// Check the database: reachable, migrations applied, integrity, keyword index in step
    /// with the vacancies. Exit status 0 when all is well, 1 otherwise.
    Check,
    /// Job alerts.
    Alerts {
        #[command(subcommand)]
        command: AlertsCommand,
    },
}

#[derive(Subcommand)]
enum AlertsCommand {
    /// Send every confirmed subscriber the digest of what is new for them now, whatever their
    /// frequency, and exit.
    SendNow,
}

/// Every file this process creates (the SQLite database, its `-wal` and `-shm`, the generated
/// key, backups SQLite writes) is readable by its owner only: they hold CVs and password hashes.
fn private_files() {
    #[cfg(unix)]
    {
        use rustix::fs::Mode;
        rustix::process::umask(Mode::from_raw_mode(0o077));
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    careers::logging::init(cli.config.ops.log_format == LogFormat::Json);
    private_files();
    let result =
        match cli.command.unwrap_or(Command::Serve) {
            Command::Serve => serve(&cli.config),
            Command::Migrate => startup::prepare_database(&Config {
                demo: false,
                ..cli.config.clone()
            })
            .map(|_| {
                println!("migrations applied");
            }),
            Command::CreateAdmin { email, name, .. } => create_admin(&cli.config, &email, &name),
            Command::Reindex => reindex(&cli.config),
            Command::PurgeApplications { older_than } => purge_applications(
                &cli.config,
                older_than.unwrap_or(cli.config.applications.retention_days),
            ),
            Command::Generate { vacancies, seed } => generate(&cli.config, vacancies, seed),
            Command::Backup { to } => maintenance::backup(&cli.config.database_url, &to)
                .map(|report| println!("{report}")),
            Command::Restore { from } => maintenance::restore(&cli.config.database_url, &from)
                .map(|report| println!("{report}")),
            Command::Alerts {
                command: AlertsCommand::SendNow,
            } => alerts_send_now(&cli.config),
            Command::Check => {
                let report = maintenance::check(&cli.config.database_url);
                for line in &report.lines {
                    println!("{line}");
                }
                if !report.ok {
                    return ExitCode::FAILURE;
                }
                Ok(())
            }
        };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn serve(config: &Config) -> Result<(), String> {
    let (pool, backend) = startup::prepare_database(config)?;
    let key = startup::cookie_key(config, &backend)?;
    let listener = std::net::TcpListener::bind(&config.bind)
        .map_err(|e| format!("cannot listen on {}: {e}", config.bind))?;
    log::info!(
        "serving on http://{}",
        listener
            .local_addr()
            .map(|a| a.to_string())
            .unwrap_or_default()
    );
    let sweep_pool = pool.clone();
    actix_web::rt::System::new().block_on(async move {
        let jobs = careers::jobs::Jobs::new(config, pool.clone(), startup::site(config)?)?;
        let server = startup::run(listener, config, pool, key).map_err(|e| e.to_string())?;
        let stop = careers::shutdown::Trigger::new();
        startup::spawn_expiry_sweep(sweep_pool, stop.signal(), startup::EXPIRY_SWEEP_EVERY)
            .map_err(|e| format!("cannot start the expiry sweep: {e}"))?;
        let jobs = actix_web::rt::spawn(jobs.run(stop.signal()));
        let served = startup::until_stopped(server, stop, config.ops.shutdown_grace_seconds)
            .await
            .map_err(|e| e.to_string());
        // The jobs end their current step (a mail, a digest) and return.
        let _ = jobs.await;
        served
    })
}

/// `careers alerts send-now`: queues the digests, then sends the outbox once.
fn alerts_send_now(config: &Config) -> Result<(), String> {
    let (pool, _) = startup::prepare_database(&Config {
        demo: false,
        ..config.clone()
    })?;
    let jobs = careers::jobs::Jobs::new(config, pool, startup::site(config)?)?;
    actix_web::rt::System::new().block_on(async move {
        let never = careers::shutdown::Trigger::new();
        let signal = never.signal();
        let queued = jobs.queue_digests(true, &signal).await?;
        jobs.record_alert_run().await?;
        let sent = jobs.send_outbox(&signal).await?;
        println!("queued {queued} alert digests; sent {sent} messages");
        Ok(())
    })
}

fn create_admin(config: &Config, email: &str, name: &str) -> Result<(), String> {
    use careers::actions::users::{self, CreateOutcome, NewAccount};
    use careers::actions::Actor;
    let mut password = String::new();
    std::io::stdin()
        .read_to_string(&mut password)
        .map_err(|e| format!("cannot read the password: {e}"))?;
    let password = password.trim_end_matches(['\r', '\n']);
    if let Some(problem) = auth::password_problem(password) {
        let problem = problem.show(careers::i18n::Lang::fallback());
        return Err(format!("password refused: {problem}"));
    }
    if !auth::looks_like_email(email) {
        return Err(format!("`{email}` is not an email address"));
    }
    if name.trim().is_empty() {
        return Err("the name is empty".into());
    }
    let (pool, _) = startup::prepare_database(&Config {
        demo: false,
        ..config.clone()
    })?;
    let account = NewAccount {
        email: email.trim().to_lowercase(),
        name: name.trim().to_string(),
        role: Role::Admin,
        password_hash: auth::hash_password(password)?,
        temporary: false,
    };
    let mut conn = pool.get().map_err(|e| e.to_string())?;
    match users::create_user(&mut conn, Actor::Operator, account) {
        Ok(CreateOutcome::Created { .. }) => {}
        Ok(CreateOutcome::EmailTaken) => {
            return Err(format!("an account with the email {email} exists already"))
        }
        Err(e) => return Err(e.to_string()),
    }
    println!("administrator {email} created; sign in at /admin/login");
    Ok(())
}

fn reindex(config: &Config) -> Result<(), String> {
    let (pool, _) = startup::prepare_database(&Config {
        demo: false,
        ..config.clone()
    })?;
    let mut conn = pool.get().map_err(|e| e.to_string())?;
    let count = careers::actions::reindex::all(&mut conn).map_err(|e| e.to_string())?;
    println!("reindexed {count} vacancies");
    Ok(())
}

fn purge_applications(config: &Config, days: u32) -> Result<(), String> {
    let (pool, _) = startup::prepare_database(&Config {
        demo: false,
        ..config.clone()
    })?;
    let mut conn = pool.get().map_err(|e| e.to_string())?;
    let now = careers::clock::now();
    let before = now - time::Duration::days(i64::from(days));
    // The command runs for no signed-in user, so the trail records none.
    let actor = careers::actions::Actor::Operator;
    let purged = careers::actions::applications::purge(&mut conn, actor, before, now)
        .map_err(|e| e.to_string())?;
    println!(
        "erased {} applications of closed vacancies older than {days} days",
        purged.count
    );
    Ok(())
}

fn generate(config: &Config, count: usize, seed: u64) -> Result<(), String> {
    let (pool, _) = startup::prepare_database(&Config {
        demo: false,
        ..config.clone()
    })?;
    let mut conn = pool.get().map_err(|e| e.to_string())?;
    let started = std::time::Instant::now();
    let bar = indicatif::ProgressBar::new(count as u64);
    let made = careers::actions::generate::generate(&mut conn, count, seed, |written| {
        bar.set_position(written as u64)
    })?;
    bar.finish_and_clear();
    println!(
        "generated {} vacancies in {:.1} s",
        made.total(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
