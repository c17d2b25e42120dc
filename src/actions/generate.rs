//! `careers generate`: synthetic but plausible vacancies in bulk, for benchmarks and tests at
//! scale. The same seed gives the same vacancies (dates aside, which follow the clock); a second
//! run adds to what is there. Never part of serving the site.

// Choices from constant, non-empty tables: an `expect` here cannot fire.
#![allow(clippy::expect_used)]

use std::collections::{HashMap, HashSet};

use rand::rngs::StdRng;
use rand::seq::{IndexedRandom, SliceRandom};
use rand::{Rng, SeedableRng};
use time::{Duration, PrimitiveDateTime};

use crate::db::{self, bulk, DbConn};
use crate::models::{
    places, slug::slugify, Category, Employment, Place, SalaryPeriod, Seniority, VacancyFields,
    VacancyStatus, WorkMode,
};

/// Rows per transaction: large enough that commits cost little, small enough that a failure
/// loses little and PostgreSQL's transaction stays modest.
const BATCH: usize = 1000;

/// What a run made, by how a visitor would see each vacancy.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Generated {
    pub open: usize,
    pub expired: usize,
    pub closed: usize,
    pub drafts: usize,
}

impl Generated {
    pub fn total(&self) -> usize {
        self.open + self.expired + self.closed + self.drafts
    }
}

/// Where a vacancy stands today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fate {
    Open,
    Expired,
    Closed,
    Draft,
}

/// Fates in fixed shares (2 % drafts, 5 % closed, 5 % expired, the rest open), shuffled:
/// exact shares make the counts predictable for tests, and shuffling spreads them over time.
fn fates(rng: &mut StdRng, count: usize) -> Vec<Fate> {
    let share = |percent: usize| (count * percent + 50) / 100;
    let (drafts, closed, expired) = (share(2), share(5), share(5));
    let mut fates = Vec::with_capacity(count);
    fates.resize(drafts, Fate::Draft);
    fates.resize(drafts + closed, Fate::Closed);
    fates.resize(drafts + closed + expired, Fate::Expired);
    fates.resize(count, Fate::Open);
    fates.shuffle(rng);
    fates
}

/// Adds `count` vacancies, in transactions of `BATCH` rows; `progress` hears how many are
/// written after each one. Skills named in the word lists are created when missing.
pub fn generate(
    conn: &mut DbConn,
    count: usize,
    seed: u64,
    mut progress: impl FnMut(usize),
) -> Result<Generated, String> {
    let categories = db::taxonomy::categories(conn).map_err(|e| e.to_string())?;
    if categories.is_empty() {
        return Err("the database has no categories to file vacancies under".into());
    }
    let skill_ids = skill_ids(conn, &categories)?;
    let first_number = bulk::max_vacancy_id(conn).map_err(|e| e.to_string())? + 1;
    let mut taken = bulk::vacancy_slugs(conn).map_err(|e| e.to_string())?;
    let now = crate::clock::now();

    let mut rng = StdRng::seed_from_u64(seed);
    let fates = fates(&mut rng, count);
    let mut made = Generated::default();
    let mut written = 0;
    for chunk in fates.chunks(BATCH) {
        conn.transaction::<_, diesel::result::Error, _>(|conn| {
            for fate in chunk {
                let v = vacancy(&mut rng, &categories, *fate, now);
                let number = first_number as usize + written;
                let slug = free_slug(&mut taken, &v.fields.title, number);
                let id = bulk::insert_vacancy(
                    conn,
                    &bulk::VacancyRow {
                        fields: &v.fields,
                        slug: &slug,
                        status: v.status,
                        published_at: v.published_at,
                        created_at: v.created_at,
                        updated_at: v.updated_at,
                    },
                )?;
                let ids: Vec<i32> = v.skills.iter().map(|name| skill_ids[name]).collect();
                bulk::add_skills(conn, id, &ids)?;
                super::reindex::vacancy(conn, id)?;
                db::listing::sync_vacancy(conn, id, now)?;
                written += 1;
            }
            Ok(())
        })
        .map_err(|e| format!("writing generated vacancies: {e}"))?;
        for fate in chunk {
            match fate {
                Fate::Open => made.open += 1,
                Fate::Expired => made.expired += 1,
                Fate::Closed => made.closed += 1,
                Fate::Draft => made.drafts += 1,
            }
        }
        progress(written);
    }
    db::refresh_statistics(conn, true).map_err(|e| e.to_string())?;
    Ok(made)
}

/// `title-slug-N`: the running number, above every id so far, makes it unique without asking
/// the database; the set of slugs in use only catches a hand-made slug that looks the same.
fn free_slug(taken: &mut HashSet<String>, title: &str, number: usize) -> String {
    let base = match slugify(title) {
        s if s.is_empty() => "vacancy".to_string(),
        s => s,
    };
    let mut slug = format!("{base}-{number}");
    let mut n = 2;
    while taken.contains(&slug) {
        slug = format!("{base}-{number}-{n}");
        n += 1;
    }
    taken.insert(slug.clone());
    slug
}

/// Ids of every skill the word lists of these categories name, created through the taxonomy
/// when new, so they get the same slugs as skills a recruiter types.
fn skill_ids(
    conn: &mut DbConn,
    categories: &[Category],
) -> Result<HashMap<&'static str, i32>, String> {
    let mut names: Vec<&'static str> = COMMON_SKILLS.to_vec();
    for category in categories {
        let profile = profile(&category.slug);
        names.extend(profile.skills);
        names.extend(profile.stacks.iter().flat_map(|s| s.skills.iter().copied()));
    }
    conn.transaction::<_, diesel::result::Error, _>(|conn| {
        let mut ids = HashMap::new();
        for name in names {
            if !ids.contains_key(name) {
                ids.insert(name, db::taxonomy::skill_for_name(conn, name)?.id);
            }
        }
        Ok(ids)
    })
    .map_err(|e| format!("creating skills: {e}"))
}

/// One vacancy before it has a slug or an id.
struct Draft {
    fields: VacancyFields,
    skills: Vec<&'static str>,
    status: VacancyStatus,
    published_at: Option<PrimitiveDateTime>,
    created_at: PrimitiveDateTime,
    updated_at: PrimitiveDateTime,
}

fn vacancy(rng: &mut StdRng, categories: &[Category], fate: Fate, now: PrimitiveDateTime) -> Draft {
    let category = categories
        .choose_weighted(rng, |c| profile(&c.slug).weight)
        .expect("categories is not empty");
    let profile = profile(&category.slug);
    let stack = profile
        .stacks
        .choose(rng)
        .expect("every profile has stacks");
    let seniority = *[
        (Seniority::Intern, 3),
        (Seniority::Junior, 12),
        (Seniority::Middle, 30),
        (Seniority::MiddlePlus, 20),
        (Seniority::Senior, 25),
        (Seniority::Lead, 10),
    ]
    .choose_weighted(rng, |(_, w)| *w)
    .map(|(s, _)| s)
    .expect("weights are positive");
    let employment = if seniority == Seniority::Intern {
        Employment::Internship
    } else {
        [
            (Employment::FullTime, 76),
            (Employment::PartTime, 7),
            (Employment::Contract, 13),
            (Employment::Temporary, 4),
        ]
        .choose_weighted(rng, |(_, w)| *w)
        .map(|(e, _)| *e)
        .expect("weights are positive")
    };
    let work_mode = [
        (WorkMode::Remote, 35),
        (WorkMode::Hybrid, 40),
        (WorkMode::Onsite, 25),
    ]
    .choose_weighted(rng, |(_, w)| *w)
    .map(|(m, _)| *m)
    .expect("weights are positive");

    let title = title(rng, profile, stack, seniority);
    let skills = pick_skills(rng, profile, stack);

    let (location, country, remote_countries, currency) = if work_mode == WorkMode::Remote {
        let region = REGIONS.choose(rng).expect("regions");
        let how_many = rng.random_range(1..=region.len().min(5));
        let mut codes: Vec<&str> = region.choose_multiple(rng, how_many).copied().collect();
        codes.sort_unstable();
        let currency = currency_of(region[0]);
        (String::new(), String::new(), codes.join(","), currency)
    } else {
        let (city, code) = *CITIES.choose(rng).expect("cities");
        (
            city.to_string(),
            code.to_string(),
            String::new(),
            currency_of(code),
        )
    };
    let salary = salary(rng, seniority, employment, currency);
    let other_places = if work_mode != WorkMode::Remote && rng.random_bool(0.2) {
        more_places(rng, &location, currency)
    } else {
        String::new()
    };

    let created_at = now - seconds(rng, 3 * 3600, 182 * 86_400);
    let age = now - created_at;
    let published = (created_at + seconds(rng, 600, 3 * 86_400)).min(now);
    let (status, published_at, valid_through, updated_at) = match fate {
        Fate::Draft => {
            let edited = created_at + seconds(rng, 0, age.whole_seconds().min(86_400));
            let until = rng
                .random_bool(0.5)
                .then(|| now + Duration::days(rng.random_range(30..=90)));
            (VacancyStatus::Draft, None, until, edited)
        }
        Fate::Open => {
            // A few have no closing date; the rest close some weeks after publication, or
            // were extended when that date has passed already.
            let until = if rng.random_bool(0.1) {
                None
            } else {
                let planned = published + Duration::days(rng.random_range(30..=120));
                Some(if planned > now {
                    planned
                } else {
                    now + Duration::days(rng.random_range(1..=60))
                })
            };
            (VacancyStatus::Published, Some(published), until, published)
        }
        Fate::Expired => {
            // Lapsed between publication and now, without anyone closing it.
            let lapsed = published + seconds(rng, 60, (now - published).whole_seconds().max(61));
            let lapsed = lapsed.min(now - Duration::minutes(1)).max(published);
            (
                VacancyStatus::Published,
                Some(published),
                Some(lapsed),
                published,
            )
        }
        Fate::Closed => {
            let until = published + Duration::days(rng.random_range(30..=90));
            let closed = (published + seconds(rng, 3600, 60 * 86_400)).min(now);
            (VacancyStatus::Closed, Some(published), Some(until), closed)
        }
    };

    let tech = stack.name;
    let fields = VacancyFields {
        title,
        category_id: category.id,
        seniority: seniority.as_str().to_string(),
        employment: employment.as_str().to_string(),
        work_mode: work_mode.as_str().to_string(),
        location,
        country,
        other_places,
        remote_countries,
        salary_min: salary.min,
        salary_max: salary.max,
        salary_currency: salary.currency.map(str::to_string),
        salary_period: salary.period.map(|p| p.as_str().to_string()),
        summary: summary(rng, tech),
        responsibilities: bullets(rng, profile.duties, 2..=3, GENERAL_DUTIES, 1..=3, tech),
        requirements: requirements(rng, profile, seniority, tech),
        nice_to_have: nice_to_have(rng, profile, &skills, tech),
        benefits: benefits(rng, employment),
        valid_through,
    };
    Draft {
        fields,
        skills,
        status,
        published_at,
        created_at,
        updated_at,
    }
}

/// A uniformly random duration between `low` and `high` seconds.
/// One or two more cities paid in the same currency as the first, as `other_places` text:
/// a fifth of office and hybrid roles can be done from several places.
fn more_places(rng: &mut StdRng, first_city: &str, currency: &str) -> String {
    let candidates: Vec<&(&str, &str)> = CITIES
        .iter()
        .filter(|(city, code)| *city != first_city && currency_of(code) == currency)
        .collect();
    let how_many = rng.random_range(1..=2).min(candidates.len());
    let places: Vec<Place> = candidates
        .choose_multiple(rng, how_many)
        .map(|(city, code)| Place::new(city, code))
        .collect();
    places::encode(&places)
}

fn seconds(rng: &mut StdRng, low: i64, high: i64) -> Duration {
    Duration::seconds(rng.random_range(low..=high.max(low)))
}

fn title(rng: &mut StdRng, profile: &Profile, stack: &Stack, seniority: Seniority) -> String {
    let role = profile.roles.choose(rng).expect("every profile has roles");
    let mut title = role.replace("{}", stack.name);
    let level = match seniority {
        Seniority::Intern => "Trainee ",
        Seniority::Junior => "Junior ",
        Seniority::Middle => "",
        Seniority::MiddlePlus if rng.random_bool(0.3) => "Middle+ ",
        Seniority::MiddlePlus => "",
        Seniority::Senior => "Senior ",
        Seniority::Lead => "Lead ",
    };
    title.insert_str(0, level);
    if !title.contains('(') && rng.random_bool(0.15) {
        let focus = FOCUSES.choose(rng).expect("focuses");
        title = format!("{title} ({focus})");
    }
    title
}

/// 2–6 distinct skills: the stack's own first, then the category's, then everyday tools.
fn pick_skills(rng: &mut StdRng, profile: &Profile, stack: &Stack) -> Vec<&'static str> {
    let wanted = rng.random_range(2..=6);
    let mut skills: Vec<&'static str> = stack.skills.to_vec();
    let mut pool: Vec<&'static str> = profile.skills.to_vec();
    pool.shuffle(rng);
    let common = COMMON_SKILLS.choose_multiple(rng, 2).copied();
    for name in pool.into_iter().chain(common) {
        if skills.len() >= wanted {
            break;
        }
        if !skills.contains(&name) {
            skills.push(name);
        }
    }
    skills.truncate(wanted);
    skills
}

struct Salary {
    min: Option<i32>,
    max: Option<i32>,
    currency: Option<&'static str>,
    period: Option<SalaryPeriod>,
}

fn salary(
    rng: &mut StdRng,
    seniority: Seniority,
    employment: Employment,
    currency: &'static str,
) -> Salary {
    if rng.random_bool(0.15) {
        return Salary {
            min: None,
            max: None,
            currency: None,
            period: None,
        };
    }
    // Yearly pay in euros on a typical European market, before the currency's own market.
    let base = match seniority {
        Seniority::Intern => 16_000.0,
        Seniority::Junior => 36_000.0,
        Seniority::Middle => 52_000.0,
        Seniority::MiddlePlus => 62_000.0,
        Seniority::Senior => 78_000.0,
        Seniority::Lead => 94_000.0,
    };
    let factor = match currency {
        "USD" => 1.55,
        "GBP" => 0.85,
        "PLN" => 2.7,
        "SEK" => 10.5,
        "CHF" => 1.45,
        "CAD" => 1.5,
        "UAH" => 22.0,
        _ => 1.0,
    };
    let monthly_market = matches!(currency, "PLN" | "UAH" | "SEK");
    let period = match employment {
        Employment::Internship => SalaryPeriod::Month,
        Employment::Contract if rng.random_bool(0.5) => SalaryPeriod::Day,
        Employment::Contract => SalaryPeriod::Hour,
        Employment::PartTime if rng.random_bool(0.6) => SalaryPeriod::Hour,
        Employment::PartTime => SalaryPeriod::Month,
        _ if monthly_market || rng.random_bool(0.1) => SalaryPeriod::Month,
        _ => SalaryPeriod::Year,
    };
    let yearly = base * factor * rng.random_range(0.8..1.2);
    let (divisor, step) = match period {
        SalaryPeriod::Year => (1.0, 1000.0),
        SalaryPeriod::Month => (12.0, 100.0),
        SalaryPeriod::Day => (220.0, 10.0),
        SalaryPeriod::Hour => (1760.0, 1.0),
    };
    let round = |amount: f64| ((amount / divisor / step).round() * step).max(step) as i32;
    let low = round(yearly);
    let high = round(yearly * rng.random_range(1.1..1.35)).max(low);
    let (min, max) = match rng.random_range(0..100) {
        0..5 => (Some(low), None),
        5..8 => (None, Some(high)),
        _ => (Some(low), Some(high)),
    };
    Salary {
        min,
        max,
        currency: Some(currency),
        period: Some(period),
    }
}

fn currency_of(country: &str) -> &'static str {
    match country {
        "US" => "USD",
        "GB" => "GBP",
        "PL" => "PLN",
        "SE" => "SEK",
        "CH" => "CHF",
        "CA" => "CAD",
        "UA" => "UAH",
        "AU" | "SG" | "IL" | "IN" | "JP" | "BR" | "MX" | "ZA" | "KR" | "AR" | "CL" | "UY"
        | "NZ" => "USD",
        _ => "EUR",
    }
}

fn summary(rng: &mut StdRng, tech: &str) -> String {
    let product = PRODUCTS.choose(rng).expect("products");
    let intro = INTROS.choose(rng).expect("intros").replace("{}", product);
    let team = TEAMS
        .choose(rng)
        .expect("teams")
        .replace("{n}", &rng.random_range(3..=12).to_string())
        .replace("{}", tech);
    let way = WAYS.choose(rng).expect("ways");
    format!("{intro} {team} {way}")
}

/// A Markdown list: some lines from `specific`, some from `general`, mixed.
fn bullets(
    rng: &mut StdRng,
    specific: &[&str],
    from_specific: std::ops::RangeInclusive<usize>,
    general: &[&str],
    from_general: std::ops::RangeInclusive<usize>,
    tech: &str,
) -> String {
    let a = rng.random_range(from_specific);
    let b = rng.random_range(from_general);
    let mut lines: Vec<String> = specific
        .choose_multiple(rng, a)
        .chain(general.choose_multiple(rng, b))
        .map(|line| format!("- {}", line.replace("{}", tech)))
        .collect();
    lines.shuffle(rng);
    lines.join("\n")
}

fn requirements(rng: &mut StdRng, profile: &Profile, seniority: Seniority, tech: &str) -> String {
    let experience = match seniority {
        Seniority::Intern => {
            "Studies in computer science or a related field, or self-taught projects you can show us"
        }
        Seniority::Junior => "About a year of hands-on work with {}, at a job or on serious side projects",
        Seniority::Middle => "Two to four years of professional work with {}",
        Seniority::MiddlePlus => "Four or more years of professional work with {}",
        Seniority::Senior => {
            "Six or more years of building and running production systems, several of them with {}"
        }
        Seniority::Lead => {
            "Years of hands-on work with {} and experience guiding a team's technical decisions"
        }
    };
    let rest = bullets(rng, profile.needs, 2..=3, GENERAL_NEEDS, 1..=2, tech);
    format!("- {}\n{rest}", experience.replace("{}", tech))
}

fn nice_to_have(rng: &mut StdRng, profile: &Profile, skills: &[&str], tech: &str) -> String {
    let mut lines = Vec::new();
    let unused: Vec<&&str> = profile
        .skills
        .iter()
        .filter(|s| !skills.contains(s))
        .collect();
    if let Some(extra) = unused.choose(rng) {
        lines.push(format!("- Some experience with {extra}"));
    }
    let count = rng.random_range(1..=2);
    for line in NICE.choose_multiple(rng, count) {
        lines.push(format!("- {}", line.replace("{}", tech)));
    }
    lines.join("\n")
}

fn benefits(rng: &mut StdRng, employment: Employment) -> String {
    let count = rng.random_range(3..=6);
    let mut lines: Vec<String> = BENEFITS
        .choose_multiple(rng, count)
        .map(|line| {
            let days = rng.random_range(24..=32).to_string();
            format!("- {}", line.replace("{days}", &days))
        })
        .collect();
    if employment == Employment::Contract {
        lines.push("- Invoices paid within 14 days, every month".to_string());
    }
    lines.join("\n")
}

// ---------------------------------------------------------------------------------------------
// Word lists
// ---------------------------------------------------------------------------------------------

/// A technology a title can name, and the skills it brings along.
struct Stack {
    name: &'static str,
    skills: &'static [&'static str],
}

/// What vacancies of one category are made of. In `roles`, `duties` and `needs`, `{}` stands
/// for the stack's name.
struct Profile {
    weight: u32,
    stacks: &'static [Stack],
    roles: &'static [&'static str],
    skills: &'static [&'static str],
    duties: &'static [&'static str],
    needs: &'static [&'static str],
}

const fn stack(name: &'static str, skills: &'static [&'static str]) -> Stack {
    Stack { name, skills }
}

fn profile(category_slug: &str) -> &'static Profile {
    match category_slug {
        "backend" => &BACKEND,
        "frontend" => &FRONTEND,
        "data-bi" => &DATA,
        "qa" => &QA,
        "devops" => &DEVOPS,
        "mobile" => &MOBILE,
        "security" => &SECURITY,
        _ => &GENERIC,
    }
}

static BACKEND: Profile = Profile {
    weight: 30,
    stacks: &[
        stack("Rust", &["Rust"]),
        stack("Go", &["Go"]),
        stack("Python", &["Python"]),
        stack("Java", &["Java", "Spring"]),
        stack("Kotlin", &["Kotlin"]),
        stack("Node.js", &["Node.js", "TypeScript"]),
        stack("PHP", &["PHP"]),
        stack(".NET", &["C#", ".NET"]),
        stack("Ruby", &["Ruby", "Ruby on Rails"]),
        stack("Scala", &["Scala"]),
        stack("Elixir", &["Elixir"]),
    ],
    roles: &[
        "{} Backend Engineer",
        "Backend Developer ({})",
        "{} Developer",
        "Software Engineer ({})",
        "{} API Developer",
        "Backend Engineer",
    ],
    skills: &[
        "PostgreSQL",
        "MySQL",
        "Redis",
        "Kafka",
        "RabbitMQ",
        "gRPC",
        "REST APIs",
        "GraphQL",
        "SQL",
        "Microservices",
        "Elasticsearch",
    ],
    duties: &[
        "Design, build and run the {} services behind our public API",
        "Write database migrations and track down slow queries before customers notice them",
        "Break a large legacy module into smaller services without stopping the product",
        "Define API contracts together with the frontend and mobile developers",
        "Keep background jobs and message consumers reliable under peak load",
        "Improve logging and metrics so incidents are understood in minutes, not hours",
    ],
    needs: &[
        "A good grasp of relational databases, indexes and transactions",
        "Experience designing HTTP APIs that other teams rely on",
        "Comfort reading and improving code you did not write",
        "Practical knowledge of caching and its pitfalls",
    ],
};

static FRONTEND: Profile = Profile {
    weight: 20,
    stacks: &[
        stack("React", &["React", "TypeScript"]),
        stack("Vue.js", &["Vue.js", "JavaScript"]),
        stack("Angular", &["Angular", "TypeScript"]),
        stack("TypeScript", &["TypeScript"]),
        stack("Svelte", &["Svelte", "JavaScript"]),
    ],
    roles: &[
        "Frontend Developer ({})",
        "{} Frontend Engineer",
        "{} Developer",
        "UI Engineer ({})",
        "Frontend Engineer",
    ],
    skills: &[
        "HTML",
        "CSS",
        "JavaScript",
        "Accessibility",
        "Figma",
        "Webpack",
        "Vite",
        "Jest",
        "Cypress",
        "Next.js",
    ],
    duties: &[
        "Build new screens in {} from the designers' prototypes",
        "Make every form and page usable with a keyboard and a screen reader",
        "Keep the bundle small and the first page load fast on slow phones",
        "Grow the shared component library with the design team",
        "Write component tests that catch regressions before a release",
    ],
    needs: &[
        "Solid HTML and CSS, including layout with grid and flexbox",
        "An eye for detail and a habit of checking your work in several browsers",
        "Understanding of how browsers load, parse and paint a page",
        "Experience with state management in a large single-page application",
    ],
};

static DATA: Profile = Profile {
    weight: 20,
    stacks: &[
        stack("Python", &["Python", "pandas"]),
        stack("SQL", &["SQL"]),
        stack("Power BI", &["Power BI", "SQL"]),
        stack("Tableau", &["Tableau", "SQL"]),
        stack("Spark", &["Spark", "Python"]),
        stack("dbt", &["dbt", "SQL"]),
    ],
    roles: &[
        "Data Analyst",
        "Data Analyst (BI)",
        "Data Engineer ({})",
        "BI Developer ({})",
        "Analytics Engineer",
        "Data Scientist",
        "Machine Learning Engineer",
    ],
    skills: &[
        "Statistics",
        "ETL",
        "Airflow",
        "Data modelling",
        "Excel",
        "Snowflake",
        "BigQuery",
        "Machine learning",
        "Looker",
    ],
    duties: &[
        "Turn vague business questions into clear analyses and simple dashboards",
        "Build and maintain {} pipelines that load data on time every morning",
        "Model the warehouse so that common questions need one simple query",
        "Work with product managers to design experiments and read their results honestly",
        "Document metrics so that everyone counts things the same way",
    ],
    needs: &[
        "Fluent SQL, including window functions and careful joins",
        "A feeling for data quality and the habit of checking numbers twice",
        "The ability to explain a chart to people who do not read charts every day",
        "Working knowledge of basic statistics and its common traps",
    ],
};

static QA: Profile = Profile {
    weight: 10,
    stacks: &[
        stack("Playwright", &["Playwright", "TypeScript"]),
        stack("Cypress", &["Cypress", "JavaScript"]),
        stack("Selenium", &["Selenium", "Java"]),
        stack("Python", &["Python", "pytest"]),
        stack("API", &["Postman", "REST APIs"]),
    ],
    roles: &[
        "QA Automation Engineer",
        "QA Engineer ({})",
        "Test Automation Engineer ({})",
        "Manual QA Tester",
        "QA Analyst",
        "Software Developer in Test",
    ],
    skills: &[
        "Test automation",
        "Manual testing",
        "Postman",
        "Performance testing",
        "JMeter",
        "SQL",
        "Jira",
    ],
    duties: &[
        "Write and maintain automated end-to-end tests with {}",
        "Explore new features by hand and describe what you find clearly",
        "Keep the test suite fast and free of flaky tests",
        "Help developers decide what deserves a test at which level",
        "Plan release testing and say honestly when something is not ready",
    ],
    needs: &[
        "Experience designing test cases from requirements and from risk",
        "Curiosity and a talent for finding the input nobody thought of",
        "Clear bug reports that a developer can reproduce on the first try",
        "Basic programming skills for writing and fixing test code",
    ],
};

static DEVOPS: Profile = Profile {
    weight: 10,
    stacks: &[
        stack("AWS", &["AWS"]),
        stack("Azure", &["Azure"]),
        stack("Google Cloud", &["Google Cloud"]),
        stack("Kubernetes", &["Kubernetes"]),
        stack("Terraform", &["Terraform"]),
    ],
    roles: &[
        "DevOps Engineer",
        "Site Reliability Engineer",
        "Cloud Engineer ({})",
        "Platform Engineer",
        "{} Infrastructure Engineer",
        "Build and Release Engineer",
    ],
    skills: &[
        "Linux",
        "Ansible",
        "Prometheus",
        "Grafana",
        "Helm",
        "Networking",
        "Bash",
        "Observability",
    ],
    duties: &[
        "Run our production platform on {} and keep it boring in the best sense",
        "Automate infrastructure changes so that nobody clicks through a console",
        "Improve build and deployment pipelines until a release takes minutes",
        "Take part in a calm, well-documented on-call rotation",
        "Lead blameless reviews after incidents and follow up on what they teach",
    ],
    needs: &[
        "Hands-on experience running Linux servers in production",
        "Infrastructure as code as a daily habit, not an afterthought",
        "A solid understanding of networking: DNS, TLS, load balancing",
        "Calm judgement when something is on fire",
    ],
};

static MOBILE: Profile = Profile {
    weight: 10,
    stacks: &[
        stack("iOS", &["Swift", "SwiftUI"]),
        stack("Android", &["Kotlin", "Android"]),
        stack("Flutter", &["Flutter", "Dart"]),
        stack("React Native", &["React Native", "TypeScript"]),
    ],
    roles: &["{} Developer", "{} Engineer", "Mobile Developer ({})"],
    skills: &[
        "REST APIs",
        "GraphQL",
        "Firebase",
        "App Store release",
        "Offline storage",
        "Push notifications",
    ],
    duties: &[
        "Build features in our {} app from first sketch to store release",
        "Keep the app fast and light on battery on older devices",
        "Make the app work well offline and sync when the network returns",
        "Review crash reports weekly and fix the causes, not the symptoms",
        "Work with designers on motion and small details that make the app pleasant",
    ],
    needs: &[
        "At least one app of yours published in a store",
        "Understanding of the mobile app life cycle and memory limits",
        "Experience consuming HTTP APIs and handling their failures gracefully",
    ],
};

static SECURITY: Profile = Profile {
    weight: 8,
    stacks: &[
        stack("Cloud", &["AWS", "Cloud security"]),
        stack("Application", &["OWASP"]),
        stack("Network", &["Networking", "Firewalls"]),
    ],
    roles: &[
        "Security Engineer",
        "{} Security Engineer",
        "Application Security Analyst",
        "Penetration Tester",
        "Security Operations Analyst",
        "Security Architect",
    ],
    skills: &[
        "Penetration testing",
        "Threat modelling",
        "SIEM",
        "Incident response",
        "Identity and access management",
        "Linux",
        "Python",
    ],
    duties: &[
        "Review designs and code for security problems early, while they are cheap to fix",
        "Run threat-modelling sessions with product teams",
        "Triage reports from our bug bounty programme and follow them to a fix",
        "Improve detection rules and respond to alerts with the operations team",
        "Teach developers secure habits with short, practical sessions",
    ],
    needs: &[
        "Good knowledge of common web vulnerabilities and how to prevent them",
        "Experience with incident response or security monitoring",
        "The patience to explain a risk without drama",
    ],
};

/// For categories added after these lists were written.
static GENERIC: Profile = Profile {
    weight: 5,
    stacks: &[
        stack("Python", &["Python"]),
        stack("TypeScript", &["TypeScript"]),
        stack("Java", &["Java"]),
    ],
    roles: &[
        "Software Engineer",
        "{} Developer",
        "Software Engineer ({})",
    ],
    skills: &["SQL", "REST APIs", "Linux"],
    duties: &[
        "Build and maintain features written in {}",
        "Work closely with product and design on what to build next",
        "Keep the code base healthy with tests and reviews",
    ],
    needs: &[
        "Experience shipping software that real people use",
        "Care for readable code and useful tests",
    ],
};

/// Tools almost every team uses; they fill up short skill lists.
const COMMON_SKILLS: &[&str] = &["Git", "Docker", "CI/CD", "Unit testing", "Code review"];

const FOCUSES: &[&str] = &[
    "Payments",
    "Marketplace",
    "Logistics",
    "Healthcare",
    "Billing",
    "Search",
    "Growth",
    "Internal Tools",
    "Identity",
    "Integrations",
];

/// Cities with their ISO country codes (all in `models::countries`).
const CITIES: &[(&str, &str)] = &[
    ("Berlin", "DE"),
    ("Munich", "DE"),
    ("Hamburg", "DE"),
    ("Cologne", "DE"),
    ("Amsterdam", "NL"),
    ("Rotterdam", "NL"),
    ("Utrecht", "NL"),
    ("Warsaw", "PL"),
    ("Krakow", "PL"),
    ("Wroclaw", "PL"),
    ("Gdansk", "PL"),
    ("Lisbon", "PT"),
    ("Porto", "PT"),
    ("Madrid", "ES"),
    ("Barcelona", "ES"),
    ("Valencia", "ES"),
    ("London", "GB"),
    ("Manchester", "GB"),
    ("Edinburgh", "GB"),
    ("Bristol", "GB"),
    ("Dublin", "IE"),
    ("Paris", "FR"),
    ("Lyon", "FR"),
    ("Stockholm", "SE"),
    ("Gothenburg", "SE"),
    ("Copenhagen", "DK"),
    ("Oslo", "NO"),
    ("Helsinki", "FI"),
    ("Tallinn", "EE"),
    ("Riga", "LV"),
    ("Vilnius", "LT"),
    ("Prague", "CZ"),
    ("Brno", "CZ"),
    ("Vienna", "AT"),
    ("Zurich", "CH"),
    ("Geneva", "CH"),
    ("Milan", "IT"),
    ("Bucharest", "RO"),
    ("Sofia", "BG"),
    ("Belgrade", "RS"),
    ("Kyiv", "UA"),
    ("Lviv", "UA"),
    ("New York", "US"),
    ("Austin", "US"),
    ("San Francisco", "US"),
    ("Seattle", "US"),
    ("Toronto", "CA"),
    ("Vancouver", "CA"),
    ("Sydney", "AU"),
    ("Singapore", "SG"),
    ("Tel Aviv", "IL"),
    ("Bangalore", "IN"),
    ("Tokyo", "JP"),
    ("Sao Paulo", "BR"),
    ("Mexico City", "MX"),
    ("Cape Town", "ZA"),
];

/// Countries a remote team hires from together; the first sets the salary currency.
const REGIONS: &[&[&str]] = &[
    &["DE", "NL", "PL", "PT", "ES", "FR", "BE", "AT", "IE", "IT"],
    &["PL", "CZ", "SK", "HU", "RO", "BG", "LT", "LV", "EE"],
    &["US", "CA"],
    &["GB", "IE"],
    &["SE", "DK", "NO", "FI", "EE"],
    &["UA", "PL", "MD", "RO"],
    &["CH", "DE", "AT"],
    &["CA", "US", "MX"],
    &["PT", "ES", "IT", "GR", "CY", "MT"],
];

const PRODUCTS: &[&str] = &[
    "a booking platform for independent clinics",
    "route planning for regional couriers",
    "bookkeeping software for small shops",
    "a marketplace for second-hand furniture",
    "invoicing and payments for freelancers",
    "a language-learning app for busy adults",
    "energy monitoring for office buildings",
    "stock and ordering software for restaurants",
    "a search engine for rail journeys across Europe",
    "claims handling for small insurance brokers",
    "shift planning for warehouses and shops",
    "maintenance tracking for bus and tram operators",
    "a grocery delivery service for mid-sized towns",
    "telemedicine appointments for rural patients",
    "a ticketing system for theatres and festivals",
];

const INTROS: &[&str] = &[
    "We build {}, and it is growing faster than the team behind it.",
    "Our company makes {}; thousands of people rely on it every working day.",
    "For six years we have been building {}, profitably and without outside investors.",
    "We are a small, stable company behind {}.",
    "Our product is {}, and we are rebuilding its core for the next ten years.",
];

const TEAMS: &[&str] = &[
    "You will join a team of {n} people who own their services from design to production.",
    "You will work in a cross-functional squad of {n}, where {} is part of everyday work.",
    "The team you join has {n} members and a product manager who sits with them.",
    "We are {n} engineers in this area, spread over two time zones at most.",
];

const WAYS: &[&str] = &[
    "We ship small changes often and review each other's work with care.",
    "Meetings are few and short; decisions are written down.",
    "We value a sustainable pace: nobody is expected to answer messages in the evening.",
    "Every new colleague gets a mentor and a written plan for the first month.",
    "We prefer simple, well-tested solutions to clever ones.",
];

const GENERAL_DUTIES: &[&str] = &[
    "Review colleagues' changes and welcome reviews of your own",
    "Share what you learn in short internal write-ups",
    "Help plan the work of the next weeks with the product manager",
    "Mentor newer colleagues when they get stuck",
    "Keep documentation close to the code and up to date",
    "Take part in hiring: interviews, take-home reviews, onboarding",
];

const GENERAL_NEEDS: &[&str] = &[
    "Good written English; most of our discussion happens in writing",
    "The habit of asking questions early rather than guessing",
    "Willingness to own a problem from the report to the fix",
    "Respect for colleagues with other backgrounds and opinions",
];

const NICE: &[&str] = &[
    "Contributions to open-source projects",
    "Experience in a product company of a similar size",
    "Interest in the domain we work in",
    "Some experience mentoring or teaching others",
    "Familiarity with {} internals beyond everyday use",
    "A second language besides English",
];

const BENEFITS: &[&str] = &[
    "{days} days of paid holiday a year",
    "A yearly learning budget for books, courses and conferences",
    "A laptop and equipment of your choice",
    "Flexible working hours around a few shared core hours",
    "Private health insurance for you and your family",
    "A company pension plan with an employer contribution",
    "Public transport pass or bike leasing",
    "Paid parental leave beyond the legal minimum",
    "A yearly team trip",
    "Four-day week option after your first year",
    "Home office allowance for a good desk and chair",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fates_have_fixed_shares() {
        let mut rng = StdRng::seed_from_u64(1);
        let f = fates(&mut rng, 1000);
        let n = |fate| f.iter().filter(|x| **x == fate).count();
        assert_eq!(
            (
                n(Fate::Draft),
                n(Fate::Closed),
                n(Fate::Expired),
                n(Fate::Open)
            ),
            (20, 50, 50, 880)
        );
    }

    #[test]
    fn slugs_follow_the_number_and_avoid_taken_ones() {
        let mut taken = HashSet::from(["qa-lead-7".to_string()]);
        assert_eq!(
            free_slug(&mut taken, "Data Analyst (BI)", 5),
            "data-analyst-bi-5"
        );
        assert_eq!(free_slug(&mut taken, "QA Lead", 7), "qa-lead-7-2");
        assert_eq!(free_slug(&mut taken, "!!!", 8), "vacancy-8");
    }

    #[test]
    fn vacancies_are_coherent() {
        let categories: Vec<Category> = ["backend", "frontend", "data-bi", "qa", "elsewhere"]
            .iter()
            .enumerate()
            .map(|(i, slug)| Category {
                id: i as i32 + 1,
                slug: slug.to_string(),
                name: slug.to_string(),
                position: i as i32,
            })
            .collect();
        let now = crate::clock::now();
        let mut rng = StdRng::seed_from_u64(3);
        let mut several_places = 0;
        for fate in [Fate::Open, Fate::Expired, Fate::Closed, Fate::Draft]
            .into_iter()
            .cycle()
            .take(2000)
        {
            let v = vacancy(&mut rng, &categories, fate, now);
            let f = &v.fields;
            assert!((2..=6).contains(&v.skills.len()), "{:?}", v.skills);
            let distinct: HashSet<_> = v.skills.iter().collect();
            assert_eq!(distinct.len(), v.skills.len());
            if f.work_mode == "remote" {
                let (known, unknown) = crate::models::countries::parse_list(&f.remote_countries);
                assert!(
                    !known.is_empty() && unknown.is_empty(),
                    "{}",
                    f.remote_countries
                );
            } else {
                assert!(
                    crate::models::countries::is_known(&f.country),
                    "{}",
                    f.country
                );
                for place in places::decode(&f.other_places) {
                    assert!(crate::models::countries::is_known(&place.country));
                    assert!(!place.city.is_empty() && place.city != f.location);
                }
                several_places += usize::from(!f.other_places.is_empty());
            }
            if let (Some(lo), Some(hi)) = (f.salary_min, f.salary_max) {
                assert!(0 < lo && lo <= hi);
            }
            let stated = f.salary_min.is_some() || f.salary_max.is_some();
            assert_eq!(stated, f.salary_currency.is_some());
            assert_eq!(stated, f.salary_period.is_some());
            if let Some(c) = &f.salary_currency {
                assert!(crate::models::CURRENCIES.contains(&c.as_str()));
            }
            assert!(v.created_at <= now && v.updated_at <= now);
            let open = f.valid_through.is_none_or(|t| t > now);
            match fate {
                Fate::Draft => assert!(v.published_at.is_none()),
                Fate::Open => assert!(open && v.published_at.is_some()),
                Fate::Expired => {
                    let published = v.published_at.unwrap();
                    assert!(!open && f.valid_through.unwrap() >= published);
                }
                Fate::Closed => assert_eq!(v.status, VacancyStatus::Closed),
            }
        }
        // About a fifth of the office and hybrid roles (65 % of 2000) list several places.
        assert!((150..=400).contains(&several_places), "{several_places}");
    }
}
