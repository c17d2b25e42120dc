//! Every URL of the site, in one place. The admin table is also data (`ADMIN_ROUTES`), so tests
//! can walk it and check that each route needs a session and each POST a CSRF token.

use actix_web::{guard, web, Route, Scope};

use crate::handlers::{admin, applications, articles, home, learn, meta, vacancies};
use crate::i18n::Lang;

/// A page: GET, and HEAD for monitors and link checkers (the server sends the headers only).
fn get() -> Route {
    web::route().guard(guard::Any(guard::Get()).or(guard::Head()))
}

fn post() -> Route {
    web::post()
}

pub struct RouteInfo {
    pub method: &'static str,
    pub path: &'static str,
    /// Reachable without signing in (the sign-in page itself).
    pub public: bool,
}

macro_rules! admin_routes {
    ($( $method:ident $path:literal => $handler:path $(, $public:ident)? ; )+) => {
        pub const ADMIN_ROUTES: &[RouteInfo] = &[
            $( RouteInfo { method: stringify!($method), path: $path, public: admin_routes!(@public $($public)?) }, )+
        ];

        fn register_admin(cfg: &mut web::ServiceConfig) {
            $( cfg.route($path, $method().to($handler)); )+
        }
    };
    (@public public) => { true };
    (@public) => { false };
}

admin_routes! {
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

/// Every public page lives under each offered language's prefix (`/en/vacancies`); `/` picks
/// a language, and old unprefixed addresses are redirected by `meta::not_found`.
pub fn configure(cfg: &mut web::ServiceConfig, languages: &[Lang]) {
    cfg.route("/", get().to(home::choose_language))
        .route("/language/{code}", get().to(home::switch_language));
    for lang in languages {
        cfg.service(public_pages(web::scope(&format!("/{lang}"))));
    }
    cfg.route("/healthz", get().to(meta::health))
        .route("/robots.txt", get().to(meta::robots))
        .route("/sitemap.xml", get().to(meta::sitemap))
        .route("/sitemaps/{name}", get().to(meta::sitemap_part));
    register_admin(cfg);
}

fn public_pages(scope: Scope) -> Scope {
    scope
        .route("", get().to(home::show))
        .route("/vacancies", get().to(vacancies::index))
        .route("/vacancies/{slug}", get().to(vacancies::show))
        .route("/vacancies/{slug}/apply", post().to(applications::apply))
        .route("/applications/{token}", get().to(applications::receipt))
        .route(
            "/applications/{token}/withdraw",
            post().to(applications::withdraw),
        )
        .route(
            "/applications/{token}/erase",
            post().to(applications::erase),
        )
        .route("/learn", get().to(learn::index))
        .route("/learn/{slug}", get().to(learn::show))
        .route("/articles/{slug}", get().to(articles::show))
        .route("/articles/{slug}/comments", post().to(articles::comment))
        .route("/articles/{slug}/read", post().to(articles::mark_read))
        .route("/feed.xml", get().to(meta::feed))
}
