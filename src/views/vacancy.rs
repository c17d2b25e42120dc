//! The vacancy page and the apply form on it. The public vacancy page, the admin preview and a
//! refused application all render the same page, so it lives here rather than in one handler.

use askama::Template;
use std::sync::Arc;

use crate::domain::applications::human_size;
use crate::domain::jobposting;
use crate::forms::application::ApplyForm;
use crate::forms::FieldErrors;
use crate::mail::Mailer;
use crate::models::{Article, Category, Vacancy, VacancyDetail};
use crate::signing::Signer;
use crate::stamp::{self, Purpose};
use crate::views::PageCtx;

/// Settings of the apply flow, shared by every worker. The form shown on the vacancy page and
/// the apply POST that checks it must read the same limits, so both take them from here.
pub struct ApplySettings {
    pub max_cv_bytes: usize,
    pub min_seconds: i64,
    pub per_hour: i64,
    pub retention_days: u32,
    pub mailer: Arc<Mailer>,
    /// Uploads being read now, at most `max_uploads` (`MAX_UPLOADS`).
    uploads: Arc<std::sync::atomic::AtomicUsize>,
    max_uploads: usize,
}

/// A place among the uploads read at once; given back when dropped.
pub struct UploadSlot(Arc<std::sync::atomic::AtomicUsize>);

impl Drop for UploadSlot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, std::sync::atomic::Ordering::AcqRel);
    }
}

impl ApplySettings {
    pub fn new(config: &crate::config::Config, mailer: Mailer) -> ApplySettings {
        ApplySettings {
            max_cv_bytes: config.applications.max_cv_bytes,
            min_seconds: i64::try_from(config.min_fill_seconds).unwrap_or(i64::MAX),
            per_hour: config.applications.apply_per_hour,
            retention_days: config.applications.retention_days,
            mailer: Arc::new(mailer),
            uploads: Arc::new(std::sync::atomic::AtomicUsize::new(0)),
            max_uploads: config.applications.max_uploads.max(1),
        }
    }

    /// A place to read one more upload, or `None` when `max_uploads` are being read.
    pub fn upload_slot(&self) -> Option<UploadSlot> {
        use std::sync::atomic::Ordering;
        self.uploads
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| {
                (n < self.max_uploads).then_some(n + 1)
            })
            .ok()
            .map(|_| UploadSlot(self.uploads.clone()))
    }

    /// A blank form for a vacancy, stamped now.
    pub fn fresh_view(&self, signer: &Signer, vacancy_id: i32) -> ApplyView {
        ApplyView {
            stamp: stamp::issue(
                signer,
                Purpose::Apply { vacancy_id },
                crate::clock::unix_now(),
            ),
            max_size: human_size(self.max_cv_bytes as u64),
            retention_days: self.retention_days,
            ..ApplyView::default()
        }
    }
}

/// The apply form as the vacancy page shows it.
#[derive(Debug, Clone, Default)]
pub struct ApplyView {
    pub form: ApplyForm,
    pub errors: FieldErrors,
    pub stamp: String,
    /// A message about the whole form (too quick, expired).
    pub notice: String,
    pub max_size: String,
    pub retention_days: u32,
    /// Shown again after a problem: the file has to be chosen again.
    pub resubmitted: bool,
}

/// The vacancy page, shared by the public route, the admin preview and a refused application.
#[derive(Template)]
#[template(path = "vacancies/show.html")]
pub struct ShowPage {
    pub ctx: PageCtx,
    pub detail: VacancyDetail,
    pub open: bool,
    pub preview: bool,
    pub description_sections: Vec<(&'static str, String)>,
    pub summary_html: String,
    /// JSON-LD text, already safe for a script element; empty when the vacancy is not open.
    pub json_ld: String,
    pub related: Vec<(Vacancy, Category)>,
    /// The apply form (values, errors, stamp); shown when the vacancy is open.
    pub apply: ApplyView,
    /// Published articles that teach this vacancy's skills.
    pub lessons: Vec<Article>,
}

impl ShowPage {
    pub fn build(
        ctx: PageCtx,
        detail: VacancyDetail,
        site: &crate::site::Site,
        related: Vec<(Vacancy, Category)>,
        preview: bool,
    ) -> ShowPage {
        let now = crate::clock::now();
        let open = detail.vacancy.is_open(now) || preview;
        let json_ld = if open {
            let posted = detail.vacancy.published_at.unwrap_or(now);
            jobposting::to_script_json(&jobposting::job_posting(&detail, site, posted))
        } else {
            String::new()
        };
        let description_sections = jobposting::html_sections(&detail)
            .into_iter()
            .filter(|(_, html)| !html.trim().is_empty())
            .map(|(heading, html)| (heading, html.to_string()))
            .collect();
        let summary_html = detail.html.summary_html.clone();
        ShowPage {
            ctx,
            detail,
            open,
            preview,
            description_sections,
            summary_html,
            json_ld,
            related,
            apply: Default::default(),
            lessons: Vec::new(),
        }
    }
}
