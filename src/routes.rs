//! Every URL of the site, in one place. Both tables are also data (`PUBLIC_ROUTES`,
//! `ADMIN_ROUTES`), so tests can walk them (each admin route needs a session, each admin POST a
//! CSRF token) and a wrong method can be told from an unknown path.
//!
//! The methods of one path share one `web::resource`: a method the path does not have is a 405
//! with `Allow` (drawn as the site's error page), an unknown path the 404 page.
//!
//! Public pages live under each offered language (`/{lang}` in the table: `/en/vacancies`,
//! `/es/vacancies`); `/` picks a language and old unprefixed addresses are redirected by
//! `meta::not_found`.

use actix_web::{guard, web, HttpResponse, Route};

use crate::error::AppError;
use crate::handlers::{
    admin, alerts, api, applications, articles, home, learn, meta, saved, vacancies,
};
use crate::i18n::Lang;

/// A page: GET, and HEAD for monitors and link checkers (the server sends the headers only).
fn get() -> Route {
    web::route().guard(guard::Any(guard::Get()).or(guard::Head()))
}

fn post() -> Route {
    web::post()
}

/// The RFC 8058 one-click unsubscribe address: the one public POST taken from any origin.
pub const ONE_CLICK_UNSUBSCRIBE: &str = "/{lang}/alerts/unsubscribe/{token}";

pub struct RouteInfo {
    pub method: &'static str,
    pub path: &'static str,
    /// Reachable without signing in (every public route; of the admin ones, the sign-in page).
    pub public: bool,
}

macro_rules! route_table {
    ($table:ident, $register:ident, $default_public:literal:
     $( $method:ident $path:literal => $handler:path $(, $public:ident)? ; )+) => {
        pub const $table: &[RouteInfo] = &[
            $( RouteInfo {
                method: stringify!($method),
                path: $path,
                public: route_table!(@public $default_public $($public)?),
            }, )+
        ];

        fn $register(resources: &mut Resources) {
            $( resources.add($path, || $method().to($handler)); )+
        }
    };
    (@public $default:literal public) => { true };
    (@public $default:literal) => { $default };
}

route_table! { PUBLIC_ROUTES, register_public, true:
    get "/" => home::choose_language;
    get "/language/{code}" => home::switch_language;
    get "/{lang}" => home::show;
    get "/{lang}/vacancies" => vacancies::index;
    get "/{lang}/vacancies.json" => api::search_json;
    get "/{lang}/vacancies.atom" => api::search_atom;
    get "/{lang}/vacancies/{slug}.json" => api::vacancy_json;
    get "/{lang}/vacancies/{slug}" => vacancies::show;
    post "/{lang}/vacancies/{slug}/apply" => applications::apply;
    get "/{lang}/applications/{token}" => applications::receipt;
    post "/{lang}/applications/{token}/withdraw" => applications::withdraw;
    post "/{lang}/applications/{token}/erase" => applications::erase;
    get "/{lang}/learn" => learn::index;
    get "/{lang}/learn/{slug}" => learn::show;
    get "/{lang}/articles/{slug}" => articles::show;
    post "/{lang}/articles/{slug}/comments" => articles::comment;
    post "/{lang}/articles/{slug}/read" => articles::mark_read;
    post "/{lang}/alerts" => alerts::subscribe;
    get "/{lang}/alerts/confirm/{token}" => alerts::confirm_page;
    post "/{lang}/alerts/confirm/{token}" => alerts::confirm;
    get "/{lang}/alerts/manage/{token}" => alerts::manage;
    post "/{lang}/alerts/manage/{token}" => alerts::update;
    get "/{lang}/alerts/unsubscribe/{token}" => alerts::manage;
    post "/{lang}/alerts/unsubscribe/{token}" => alerts::unsubscribe;
    get "/{lang}/saved" => saved::index;
    post "/{lang}/saved" => saved::toggle;
    get "/{lang}/feed.xml" => meta::feed;
    get "/api/openapi.json" => api::openapi;
    get "/healthz" => meta::health;
    get "/robots.txt" => meta::robots;
    get "/sitemap.xml" => meta::sitemap;
    get "/sitemaps/{name}" => meta::sitemap_part;
}

route_table! { ADMIN_ROUTES, register_admin, false:
    get "/admin/login" => admin::sessions::new, public;
    post "/admin/login" => admin::sessions::create, public;
    post "/admin/logout" => admin::sessions::destroy;
    get "/admin" => admin::dashboard::show;
    get "/admin/vacancies" => admin::vacancies::index;
    post "/admin/vacancies" => admin::vacancies::create;
    get "/admin/vacancies/new" => admin::vacancies::new;
    get "/admin/vacancies/{id}" => admin::vacancies::show;
    post "/admin/vacancies/{id}" => admin::vacancies::update;
    get "/admin/vacancies/{id}/edit" => admin::vacancies::edit;
    get "/admin/vacancies/{id}/preview" => admin::vacancies::preview;
    post "/admin/vacancies/{id}/status" => admin::vacancies::change_status;
    post "/admin/vacancies/{id}/duplicate" => admin::vacancies::duplicate;
    post "/admin/vacancies/{id}/delete" => admin::vacancies::delete;
    get "/admin/users" => admin::users::index;
    post "/admin/users" => admin::users::create;
    post "/admin/users/{id}/active" => admin::users::set_active;
    post "/admin/users/{id}/password" => admin::users::reset_password;
    get "/admin/account" => admin::account::show;
    post "/admin/account/password" => admin::account::change_password;
    post "/admin/account/language" => admin::account::change_language;
    get "/admin/audit" => admin::audit::index;
    get "/admin/applications" => admin::applications::index;
    get "/admin/applications.csv" => admin::applications::export;
    get "/admin/reports" => admin::reports::show;
    get "/admin/reports.csv" => admin::reports::csv;
    get "/admin/applications/{id}" => admin::applications::show;
    get "/admin/applications/{id}/cv" => admin::applications::cv;
    post "/admin/applications/{id}/status" => admin::applications::change_status;
    post "/admin/applications/{id}/notes" => admin::applications::add_note;
    post "/admin/applications/{id}/erase" => admin::applications::erase;
    get "/admin/articles" => admin::articles::index;
    post "/admin/articles" => admin::articles::create;
    get "/admin/articles/new" => admin::articles::new;
    get "/admin/articles/{id}" => admin::articles::show;
    post "/admin/articles/{id}" => admin::articles::update;
    get "/admin/articles/{id}/edit" => admin::articles::edit;
    post "/admin/articles/{id}/status" => admin::articles::change_status;
    post "/admin/articles/{id}/move" => admin::articles::move_in_path;
    get "/admin/articles/{id}/delete" => admin::articles::confirm_delete;
    post "/admin/articles/{id}/delete" => admin::articles::delete;
    get "/admin/paths" => admin::paths::index;
    post "/admin/paths" => admin::paths::create;
    get "/admin/paths/new" => admin::paths::new;
    post "/admin/paths/{id}" => admin::paths::update;
    get "/admin/paths/{id}/edit" => admin::paths::edit;
    post "/admin/paths/{id}/move" => admin::paths::move_path;
    post "/admin/paths/{id}/delete" => admin::paths::delete;
    get "/admin/comments" => admin::comments::index;
    post "/admin/comments" => admin::comments::moderate;
}

/// The routes of each path, in the order paths first appear: the order resources are matched
/// in (`/admin/vacancies/new` before `/admin/vacancies/{id}`). A `/{lang}` path is registered
/// once per offered language, with the language in the path (`/es/vacancies`).
struct Resources {
    languages: Vec<Lang>,
    paths: Vec<(String, Vec<Route>)>,
}

impl Resources {
    /// `make` gives the path's route; it is called once per language for a `/{lang}` path.
    fn add(&mut self, path: &'static str, make: impl Fn() -> Route) {
        let paths: Vec<String> = match path.strip_prefix("/{lang}") {
            Some(rest) => self
                .languages
                .iter()
                .map(|l| format!("/{l}{rest}"))
                .collect(),
            None => vec![path.to_string()],
        };
        for concrete in paths {
            match self.paths.iter_mut().find(|(p, _)| *p == concrete) {
                Some((_, routes)) => routes.push(make()),
                None => self.paths.push((concrete, vec![make()])),
            }
        }
    }

    /// One resource per path; any other method is a 405 with the path's `Allow`.
    fn register(self, cfg: &mut web::ServiceConfig) {
        for (path, routes) in self.paths {
            let allow = allowed_methods(&table_pattern(&path)).unwrap_or_default();
            let resource = routes
                .into_iter()
                .fold(web::resource(path), |resource, route| resource.route(route));
            cfg.service(resource.default_service(web::to(move || {
                let allow = allow.clone();
                async move { Err::<HttpResponse, _>(AppError::MethodNotAllowed(allow)) }
            })));
        }
    }
}

/// The table's pattern of a registered path: a language prefix becomes `/{lang}`
/// (`/es/vacancies/{slug}` → `/{lang}/vacancies/{slug}`).
pub fn table_pattern(path: &str) -> String {
    crate::i18n::without_language(path)
}

/// The `Allow` value of a path pattern of the tables (`/{lang}/vacancies/{slug}`): its methods,
/// GET bringing HEAD; `None` for a pattern in neither table.
pub fn allowed_methods(pattern: &str) -> Option<String> {
    let methods = PUBLIC_ROUTES
        .iter()
        .chain(ADMIN_ROUTES)
        .filter(|r| r.path == pattern);
    let (mut get, mut post) = (false, false);
    for route in methods {
        match route.method {
            "get" => get = true,
            _ => post = true,
        }
    }
    let mut allow = Vec::new();
    if get {
        allow.extend(["GET", "HEAD"]);
    }
    if post {
        allow.push("POST");
    }
    (!allow.is_empty()).then(|| allow.join(", "))
}

/// Whether a request with `method` to a path matching `pattern` reaches a handler (and not the
/// 405 or 404 answer).
pub fn accepts(pattern: Option<&str>, method: &str) -> bool {
    pattern
        .and_then(|p| allowed_methods(&table_pattern(p)))
        .is_some_and(|allow| allow.split(", ").any(|m| m == method))
}

pub fn configure(cfg: &mut web::ServiceConfig, languages: &[Lang]) {
    let mut resources = Resources {
        languages: languages.to_vec(),
        paths: Vec::new(),
    };
    register_public(&mut resources);
    register_admin(&mut resources);
    resources.register(cfg);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allow_lists_the_methods_of_a_path() {
        assert_eq!(allowed_methods("/").as_deref(), Some("GET, HEAD"));
        assert_eq!(
            allowed_methods("/{lang}/vacancies/{slug}/apply").as_deref(),
            Some("POST")
        );
        assert_eq!(
            table_pattern("/es/vacancies/{slug}"),
            "/{lang}/vacancies/{slug}"
        );
        assert_eq!(table_pattern("/en"), "/{lang}");
        assert_eq!(table_pattern("/admin/vacancies"), "/admin/vacancies");
        assert!(accepts(Some("/es/articles/{slug}/read"), "POST"));
        assert_eq!(
            allowed_methods("/admin/vacancies/{id}").as_deref(),
            Some("GET, HEAD, POST")
        );
        assert_eq!(allowed_methods("/nowhere"), None);
        assert!(accepts(Some("/admin/login"), "POST"));
        assert!(accepts(Some("/"), "HEAD"));
        assert!(!accepts(Some("/"), "POST"));
        assert!(!accepts(None, "GET"));
    }
}
