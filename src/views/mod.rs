//! What every page carries (`PageCtx`) and how a template becomes a response; the page
//! structs shared by several handlers live in the modules beside this one.

pub mod api;
pub mod board;
pub mod chart;
pub mod error;
pub mod sitemap;

pub mod vacancy;
pub mod versions;

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::HttpResponse;
use askama::Template;

use crate::error::AppResult;
use crate::i18n::Lang;
use crate::models::{Category, Skill, User, Vacancy};
use crate::site::Site;

/// Which part of the site a page belongs to, for the navigation's `aria-current`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Area {
    /// Error pages: no navigation entry is current.
    #[default]
    None,
    Home,
    Vacancies,
    Learn,
    Saved,
    AdminLogin,
    AdminDashboard,
    AdminVacancies,
    AdminApplications,
    AdminReports,
    AdminArticles,
    AdminPaths,
    AdminComments,
    AdminUsers,
    AdminAudit,
    AdminAccount,
}

impl Area {
    /// The name templates compare with (`ctx.area == "vacancies"`).
    pub fn name(self) -> &'static str {
        match self {
            Area::None => "",
            Area::Home => "home",
            Area::Vacancies => "vacancies",
            Area::Learn => "learn",
            Area::Saved => "saved",
            Area::AdminLogin => "admin-login",
            Area::AdminDashboard => "admin-dashboard",
            Area::AdminVacancies => "admin-vacancies",
            Area::AdminApplications => "admin-applications",
            Area::AdminReports => "admin-reports",
            Area::AdminArticles => "admin-articles",
            Area::AdminPaths => "admin-paths",
            Area::AdminComments => "admin-comments",
            Area::AdminUsers => "admin-users",
            Area::AdminAudit => "admin-audit",
            Area::AdminAccount => "admin-account",
        }
    }
}

impl PartialEq<&str> for Area {
    fn eq(&self, other: &&str) -> bool {
        self.name() == *other
    }
}

#[derive(Debug, Clone)]
pub struct Flash {
    pub kind: String,
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct UserBadge {
    pub name: String,
    pub is_admin: bool,
}

/// Whatever templates count with (askama passes arguments by reference).
pub trait Count {
    fn count(&self) -> i64;
}

macro_rules! count_for {
    ($($t:ty),+) => {$(
        impl Count for $t {
            fn count(&self) -> i64 {
                i64::try_from(*self).unwrap_or(i64::MAX)
            }
        }
    )+};
}
count_for!(i32, i64, u32, usize);

impl<T: Count + ?Sized> Count for &T {
    fn count(&self) -> i64 {
        (**self).count()
    }
}

/// The same page in another language, for the language switch and `hreflang` links.
#[derive(Debug, Clone)]
pub struct Alternate {
    pub lang: Lang,
    /// The language's own name ("Español").
    pub name: String,
    /// Where the page lives in that language (for `hreflang`).
    pub href: String,
    /// The switch's link: remembers the choice, then goes to `href`.
    pub switch: String,
}

#[derive(Debug, Clone)]
pub struct PageCtx {
    /// The page's language: every text of the page is in it.
    pub lang: Lang,
    /// `/en`: public links start with it.
    pub prefix: String,
    /// The other languages the page can be read in.
    pub alternates: Vec<Alternate>,
    pub org_name: String,
    pub css_href: String,
    pub js_href: String,
    pub user: Option<UserBadge>,
    pub csrf: String,
    pub flashes: Vec<Flash>,
    pub canonical: String,
    /// Which part of the site the page belongs to, for the navigation.
    pub area: Area,
    /// The visitor's saved vacancies (ids), for the "Save" buttons and the navigation's count.
    pub saved: Vec<i32>,
    /// This page's own address (`/en/vacancies?q=rust`), where its "Save" buttons come back
    /// to; empty on pages that offer none (the admin preview).
    pub here: String,
}

impl PageCtx {
    /// A public page: no account, no form token unless `csrf` asks for one.
    pub fn public(site: &Site, session: &Session, area: Area, lang: Lang) -> PageCtx {
        PageCtx {
            lang,
            prefix: format!("/{lang}"),
            alternates: alternates(site, lang, |other| format!("/{other}")),
            org_name: site.org_name.clone(),
            css_href: site.css_href.clone(),
            js_href: site.js_href.clone(),
            user: None,
            csrf: String::new(),
            flashes: take_flashes(session),
            canonical: String::new(),
            area,
            saved: Vec::new(),
            here: String::new(),
        }
    }

    /// An admin page: the signed-in user and the session's form token.
    pub fn admin(site: &Site, session: &Session, user: &User, area: Area) -> PageCtx {
        let lang = user_language(site, user);
        PageCtx {
            alternates: Vec::new(),
            user: Some(UserBadge {
                name: user.name.clone(),
                is_admin: user.is_admin(),
            }),
            csrf: crate::csrf::token(session),
            ..PageCtx::public(site, session, area, lang)
        }
    }

    /// For error pages: the site's frame, no account, no session read.
    pub fn for_error(site: &Site, lang: Lang) -> PageCtx {
        PageCtx {
            lang,
            prefix: format!("/{lang}"),
            alternates: Vec::new(),
            org_name: site.org_name.clone(),
            css_href: site.css_href.clone(),
            js_href: site.js_href.clone(),
            user: None,
            csrf: String::new(),
            flashes: Vec::new(),
            canonical: String::new(),
            area: Area::None,
            saved: Vec::new(),
            here: String::new(),
        }
    }

    pub fn with_canonical(mut self, url: String) -> PageCtx {
        self.canonical = url;
        self
    }

    pub fn with_csrf(mut self, session: &Session) -> PageCtx {
        self.csrf = crate::csrf::token(session);
        self
    }

    /// The page exists in every language at the same address after the prefix (lists, forms).
    pub fn mirrored(mut self, site: &Site, rest: &str) -> PageCtx {
        self.alternates = alternates(site, self.lang, |other| format!("/{other}{rest}"));
        self
    }

    /// The visitor's shortlist, and the page's address when its cards offer "Save" (an empty
    /// `here` shows the count in the navigation only).
    pub fn with_shortlist(mut self, saved: Vec<i32>, here: impl Into<String>) -> PageCtx {
        self.saved = saved;
        self.here = here.into();
        self
    }

    /// Whether the visitor saved this vacancy (askama passes arguments by reference).
    pub fn is_saved(&self, vacancy_id: &i32) -> bool {
        self.saved.contains(vacancy_id)
    }

    /// Where this page is in `lang` (a translation's own address).
    pub fn with_alternate(mut self, lang: Lang, href: String) -> PageCtx {
        if let Some(a) = self.alternates.iter_mut().find(|a| a.lang == lang) {
            a.switch = switch_link(lang, &href);
            a.href = href;
        }
        self
    }

    pub fn t(&self, key: &str) -> String {
        self.lang.t(key)
    }

    /// A message with a plural form chosen by `count`.
    pub fn tn(&self, key: &str, count: impl Count) -> String {
        self.lang.t_count(key, count.count())
    }

    /// A message with one named text argument.
    pub fn ta(&self, key: &str, name: &str, value: &str) -> String {
        self.lang.t_args(key, &[(name, value.into())])
    }

    pub fn date(&self, t: &time::PrimitiveDateTime) -> String {
        self.lang.date(*t)
    }

    pub fn date_time(&self, t: &time::PrimitiveDateTime) -> String {
        self.lang.date_time(*t)
    }

    pub fn number(&self, n: impl Count) -> String {
        self.lang.number(n.count())
    }

    /// A stored value's label: `label("seniority", "middle_plus")` is "Middle+".
    pub fn label(&self, kind: &str, value: &str) -> String {
        self.lang.t(&format!("{kind}-{value}"))
    }

    /// A category's name in the page's language (the stored name when there is no text).
    pub fn category(&self, category: &Category) -> String {
        crate::domain::board::category_name(category, self.lang)
    }

    /// A skill's name in the page's language (its stored name when there is no text for it).
    pub fn skill(&self, skill: &Skill) -> String {
        let key = format!("skill-{}", skill.slug);
        if self.lang.has(&key) {
            self.lang.t(&key)
        } else {
            skill.name.clone()
        }
    }

    pub fn country(&self, code: &str) -> String {
        crate::domain::labels::country(self.lang, code)
    }

    /// "Berlin, Germany", "Remote (Germany, Poland)" in the page's language; several places
    /// shortened for a card.
    pub fn place(&self, v: &Vacancy) -> String {
        crate::domain::labels::place(self.lang, v)
    }

    /// Every place of the vacancy ("Berlin, Germany"), or its remote line.
    pub fn places(&self, v: &Vacancy) -> Vec<String> {
        crate::domain::labels::places(self.lang, v)
    }

    /// "60,000–80,000 EUR per year", or `None` when the salary is not stated.
    pub fn salary(&self, v: &Vacancy) -> Option<String> {
        crate::domain::labels::salary(self.lang, v)
    }
}

fn alternates(site: &Site, lang: Lang, href: impl Fn(Lang) -> String) -> Vec<Alternate> {
    site.languages
        .iter()
        .copied()
        .filter(|other| *other != lang)
        .map(|other| {
            let href = href(other);
            Alternate {
                lang: other,
                name: other.name(),
                switch: switch_link(other, &href),
                href,
            }
        })
        .collect()
}

fn switch_link(lang: Lang, href: &str) -> String {
    format!("/language/{lang}?next={}", url_encode(href))
}

/// The admin area speaks the user's chosen language when the site offers it, else the site's
/// default. Handlers use it for flash messages queued before a redirect.
pub fn user_language(site: &Site, user: &User) -> Lang {
    site.language(&user.lang).unwrap_or(site.default_lang)
}

const FLASH_KEY: &str = "flash";

/// Queues a message for the next page the user sees.
pub fn flash(session: &Session, kind: &str, text: impl Into<String>) {
    let mut list: Vec<(String, String)> = session.get(FLASH_KEY).ok().flatten().unwrap_or_default();
    list.push((kind.to_string(), text.into()));
    let _ = session.insert(FLASH_KEY, list);
}

fn take_flashes(session: &Session) -> Vec<Flash> {
    // Only touch the session when there is something, so anonymous pages set no cookie.
    match session.get::<Vec<(String, String)>>(FLASH_KEY) {
        Ok(Some(list)) => {
            session.remove(FLASH_KEY);
            list.into_iter()
                .map(|(kind, text)| Flash { kind, text })
                .collect()
        }
        _ => Vec::new(),
    }
}

/// The length of the last render of each page type (by a hash of its name into a few slots),
/// so a page's buffer is allocated once at about its size instead of grown by doubling.
static LAST_RENDER: [std::sync::atomic::AtomicUsize; 64] =
    [const { std::sync::atomic::AtomicUsize::new(0) }; 64];

fn render_slot<T>() -> usize {
    use std::hash::BuildHasher;
    let hash = foldhash::fast::FixedState::with_seed(0).hash_one(std::any::type_name::<T>());
    (hash % LAST_RENDER.len() as u64) as usize
}

pub fn render<T: Template>(status: StatusCode, template: &T) -> AppResult<HttpResponse> {
    use std::sync::atomic::Ordering::Relaxed;
    let last = &LAST_RENDER[render_slot::<T>()];
    let mut body = String::with_capacity(last.load(Relaxed).max(T::SIZE_HINT) + 512);
    template.render_into(&mut body)?;
    last.store(body.len(), Relaxed);
    Ok(HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(body))
}

pub fn ok<T: Template>(template: &T) -> AppResult<HttpResponse> {
    render(StatusCode::OK, template)
}

/// A page carrying a public form's stamp: the page cache keeps the page without it and issues
/// each visitor a fresh one.
pub fn ok_with_stamp<T: Template>(
    template: &T,
    slot: crate::stamp::Slot,
) -> AppResult<HttpResponse> {
    let mut response = ok(template)?;
    response.extensions_mut().insert(slot);
    Ok(response)
}

pub fn redirect(to: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((actix_web::http::header::LOCATION, to))
        .finish()
}

pub fn url_encode(text: &str) -> String {
    serde_urlencoded::to_string([("", text)])
        .map(|s| s.trim_start_matches('=').to_string())
        .unwrap_or_default()
}
