//! Outgoing mail: the candidate's receipt and the recruiters' notice, the job alert messages.
//! They are composed here, written to the mail outbox by the action that causes them, and sent
//! by `jobs` (the receipt at once by the request too). With `SMTP_URL` set they go through
//! lettre; without it they are written to the log. A failure is logged, retried, and never
//! fails the application that caused it.

use crate::i18n::Lang;
use askama::Template;
use lettre::message::{header::ContentType, Mailbox};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::ApplicationsConfig;
use crate::models::{mail_kind, NewOutboxMail};

pub struct Mailer {
    transport: Option<AsyncSmtpTransport<Tokio1Executor>>,
    from: Mailbox,
    recruiters: Option<Mailbox>,
}

/// With the `smtp-tls` feature lettre reads the URL itself: `smtps://` (TLS), `smtp://` with
/// `?tls=required` or `?tls=opportunistic` (STARTTLS), or plain `smtp://`.
#[cfg(feature = "smtp-tls")]
fn transport(url: &str) -> Result<AsyncSmtpTransport<Tokio1Executor>, String> {
    AsyncSmtpTransport::<Tokio1Executor>::from_url(url.trim())
        .map(|b| b.timeout(Some(std::time::Duration::from_secs(20))).build())
        .map_err(|e| format!("SMTP_URL is not usable: {e}"))
}

/// `smtp://[user:password@]host[:port]`; the port defaults to 25. Plain SMTP only (build with
/// `--features smtp-tls` for TLS): meant for a relay on the same host, which does the onward TLS.
#[cfg(not(feature = "smtp-tls"))]
fn transport(url: &str) -> Result<AsyncSmtpTransport<Tokio1Executor>, String> {
    use lettre::transport::smtp::authentication::Credentials;
    let rest = url
        .trim()
        .strip_prefix("smtp://")
        .ok_or_else(|| {
            format!(
                "SMTP_URL must start with smtp:// (got `{url}`); for TLS, build with --features smtp-tls"
            )
        })?;
    let rest = rest.trim_end_matches('/');
    let (credentials, host_port) = match rest.rsplit_once('@') {
        Some((userinfo, host)) => {
            let (user, password) = userinfo.split_once(':').unwrap_or((userinfo, ""));
            let decode = |s: &str| {
                serde_urlencoded::from_str::<Vec<(String, String)>>(&format!("x={s}"))
                    .ok()
                    .and_then(|v| v.into_iter().next())
                    .map(|(_, v)| v)
                    .unwrap_or_else(|| s.to_string())
            };
            (Some(Credentials::new(decode(user), decode(password))), host)
        }
        None => (None, rest),
    };
    let (host, port) = match host_port.rsplit_once(':') {
        Some((host, port)) => (
            host,
            port.parse::<u16>()
                .map_err(|_| format!("SMTP_URL has a bad port `{port}`"))?,
        ),
        None => (host_port, 25),
    };
    if host.is_empty() {
        return Err("SMTP_URL names no host".into());
    }
    let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
        .port(port)
        .timeout(Some(std::time::Duration::from_secs(20)));
    if let Some(c) = credentials {
        builder = builder.credentials(c);
    }
    Ok(builder.build())
}

impl Mailer {
    pub fn from_config(config: &ApplicationsConfig) -> Result<Mailer, String> {
        let from: Mailbox = config
            .mail_from
            .parse()
            .map_err(|e| format!("MAIL_FROM `{}` is not an address: {e}", config.mail_from))?;
        let recruiters = match config
            .recruiters_email
            .as_deref()
            .filter(|s| !s.trim().is_empty())
        {
            Some(text) => Some(
                text.parse::<Mailbox>()
                    .map_err(|e| format!("RECRUITERS_EMAIL `{text}` is not an address: {e}"))?,
            ),
            None => None,
        };
        let transport = match config.smtp_url.as_deref().filter(|s| !s.trim().is_empty()) {
            Some(url) => Some(transport(url)?),
            None => None,
        };
        Ok(Mailer {
            transport,
            from,
            recruiters,
        })
    }

    /// Sends one message of the outbox with its extra headers. Without a mail server the
    /// message is logged (never its body: it holds private links) and counts as sent.
    pub async fn send_outbox(&self, mail: &crate::models::OutboxMail) -> Result<(), String> {
        let Some(transport) = &self.transport else {
            log::info!(
                "mail not sent (SMTP_URL unset) to {}: {}",
                mask_email(&mail.recipient),
                mail.subject
            );
            return Ok(());
        };
        let sending = crate::metrics::mail_sending();
        let sent = deliver(
            transport,
            self.from.clone(),
            &mail.recipient,
            &mail.subject,
            mail.body.clone(),
            &mail.header_pairs(),
        )
        .await;
        sending.done(sent.is_ok());
        sent
    }

    /// The receipt for the candidate (unless their address has had its receipts for the day)
    /// and, when an address is configured, the recruiters' notice, for the outbox. They are
    /// due a minute from `now`: the request that stored the application sends them at once,
    /// the outbox job only if that did not happen.
    pub fn application_outbox(
        &self,
        mail: &ApplicationMail,
        now: time::PrimitiveDateTime,
    ) -> Result<Vec<NewOutboxMail>, String> {
        let outbox = |recipient: String, subject: String, body: String, kind: &str| NewOutboxMail {
            recipient,
            subject,
            body,
            headers: String::new(),
            lang: mail.lang.code().to_string(),
            kind: kind.to_string(),
            subscription_id: None,
            created_at: now,
            next_attempt_at: now + time::Duration::minutes(1),
        };
        let mut mails = Vec::new();
        if mail.send_receipt {
            let body = ReceiptMail { m: mail }
                .render()
                .map_err(|e| format!("receipt mail template: {e}"))?;
            let subject = mail.lang.t_args(
                "mail-receipt-subject",
                &[("vacancy", mail.vacancy_title.as_str().into())],
            );
            mails.push(outbox(
                mail.candidate_email.clone(),
                subject,
                body,
                mail_kind::APPLICATION_RECEIPT,
            ));
        } else {
            log::info!(
                "receipt not sent: {} has had its receipts for today",
                mask_email(&mail.candidate_email)
            );
        }
        if let Some(recruiters) = &self.recruiters {
            let body = NoticeMail { m: mail }
                .render()
                .map_err(|e| format!("notice mail template: {e}"))?;
            mails.push(outbox(
                recruiters.to_string(),
                format!("New application: {}", mail.vacancy_title),
                body,
                mail_kind::APPLICATION_NOTICE,
            ));
        }
        Ok(mails)
    }
}

/// Sends one message with extra `headers`; the error (also logged) when it could not be
/// built or sent.
async fn deliver(
    transport: &AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    to: &str,
    subject: &str,
    body: String,
    headers: &[(String, String)],
) -> Result<(), String> {
    use lettre::message::header::{HeaderName, HeaderValue};
    let to: Mailbox = to.parse().map_err(|e| {
        log::warn!("mail not sent: bad recipient address: {e}");
        format!("bad recipient address: {e}")
    })?;
    let mut builder = Message::builder()
        .from(from)
        .to(to)
        .subject(subject)
        .header(ContentType::TEXT_PLAIN);
    for (name, value) in headers {
        let name = HeaderName::new_from_ascii(name.clone())
            .map_err(|_| format!("bad header name {name:?}"))?;
        builder = builder.raw_header(HeaderValue::new(name, value.clone()));
    }
    let message = builder.body(body).map_err(|e| {
        log::error!("mail not built: {e}");
        format!("not built: {e}")
    })?;
    transport.send(message).await.map(|_| ()).map_err(|e| {
        log::error!("mail not sent: {e}");
        format!("not sent: {e}")
    })
}

/// An alert message ready for the outbox.
#[derive(Debug, Clone)]
pub struct Composed {
    pub subject: String,
    pub body: String,
    /// Extra header lines, `Name: value` each (the outbox's `headers` column).
    pub headers: String,
}

/// The links every alert message carries: the page that changes or ends the subscription and
/// the one-click unsubscribe address (RFC 8058) for the mail program.
#[derive(Debug, Clone)]
pub struct AlertLinks {
    pub manage_url: String,
    pub unsubscribe_url: String,
}

impl AlertLinks {
    fn headers(&self) -> String {
        format!(
            "List-Unsubscribe: <{}>\nList-Unsubscribe-Post: List-Unsubscribe=One-Click",
            self.unsubscribe_url
        )
    }
}

/// One vacancy of a digest.
#[derive(Debug, Clone)]
pub struct DigestItem {
    pub title: String,
    pub place: String,
    pub url: String,
}

/// What an alert message says; `kind` picks the template.
#[derive(Debug, Clone)]
pub struct AlertMail {
    pub lang: Lang,
    pub org_name: String,
    /// The vacancy list of the saved search (absolute).
    pub list_url: String,
    pub links: AlertLinks,
    pub kind: AlertMailKind,
}

#[derive(Debug, Clone)]
pub enum AlertMailKind {
    /// Please confirm: the link opens the page with the confirm button.
    Confirm { confirm_url: String },
    /// Someone asked again for an alert this address already gets.
    Known,
    /// New vacancies: at most `MAX_DIGEST_ITEMS` listed, `more` left to the list's link.
    Digest {
        frequency: crate::models::Frequency,
        items: Vec<DigestItem>,
        more: usize,
    },
}

#[derive(Template)]
#[template(path = "mail/alert.txt")]
struct AlertText<'a> {
    m: &'a AlertMail,
}

impl AlertText<'_> {
    fn t(&self, key: &str) -> String {
        self.m.lang.t(key)
    }

    fn org(&self, key: &str) -> String {
        self.m
            .lang
            .t_args(key, &[("org", self.m.org_name.as_str().into())])
    }

    fn more_text(&self, more: &usize) -> String {
        self.m.lang.t_args(
            "alert-mail-more",
            &[
                ("count", (*more as i64).into()),
                ("n", self.m.lang.number(*more as i64).into()),
            ],
        )
    }

    fn why(&self, frequency: &crate::models::Frequency) -> String {
        let key = match frequency {
            crate::models::Frequency::Daily => "alert-mail-why-daily",
            crate::models::Frequency::Weekly => "alert-mail-why-weekly",
        };
        self.org(key)
    }
}

impl AlertMail {
    pub fn compose(&self) -> Result<Composed, String> {
        let lang = self.lang;
        let subject = match &self.kind {
            AlertMailKind::Confirm { .. } => lang.t_args(
                "alert-mail-confirm-subject",
                &[("org", self.org_name.as_str().into())],
            ),
            AlertMailKind::Known => lang.t_args(
                "alert-mail-known-subject",
                &[("org", self.org_name.as_str().into())],
            ),
            AlertMailKind::Digest { items, more, .. } => {
                let count = (items.len() + more) as i64;
                lang.t_args(
                    "alert-mail-digest-subject",
                    &[("count", count.into()), ("n", lang.number(count).into())],
                )
            }
        };
        let body = AlertText { m: self }
            .render()
            .map_err(|e| format!("alert mail template: {e}"))?;
        Ok(Composed {
            subject,
            body,
            headers: self.links.headers(),
        })
    }
}

/// An address as the log may show it: the first character of the local part, then `***`, and
/// the domain (`j***@example.com`). Anything without an `@` becomes `***`.
pub fn mask_email(address: &str) -> String {
    let address = address.trim();
    // `Name <local@domain>`: only the address part.
    let address = match address.rsplit_once('<') {
        Some((_, inner)) => inner.trim_end_matches('>'),
        None => address,
    };
    match address.rsplit_once('@') {
        Some((local, domain)) if !local.is_empty() => {
            let first: String = local.chars().take(1).collect();
            format!("{first}***@{domain}")
        }
        _ => "***".to_string(),
    }
}

/// What both messages about a new application need. The receipt goes to an address nobody has
/// verified, so it repeats nothing the sender typed (not even the name): only our own text,
/// the vacancy's title and the receipt link. The candidate's name is for the recruiters' notice.
#[derive(Debug, Clone)]
pub struct ApplicationMail {
    pub org_name: String,
    pub candidate_name: String,
    pub candidate_email: String,
    /// False when the address has had `RECEIPTS_PER_WINDOW` receipts today: no receipt mail.
    pub send_receipt: bool,
    pub vacancy_title: String,
    /// The private receipt link (absolute).
    pub receipt_url: String,
    /// The recruiters' page of the application (absolute).
    pub admin_url: String,
    pub retention_days: u32,
    /// The language of the page the candidate applied on: the receipt is written in it.
    pub lang: Lang,
}

#[derive(Template)]
#[template(path = "mail/receipt.txt")]
struct ReceiptMail<'a> {
    m: &'a ApplicationMail,
}

impl ReceiptMail<'_> {
    fn t(&self, key: &str) -> String {
        self.m.lang.t(key)
    }

    fn thanks(&self) -> String {
        self.m.lang.t_args(
            "mail-receipt-thanks",
            &[
                ("vacancy", self.m.vacancy_title.as_str().into()),
                ("org", self.m.org_name.as_str().into()),
            ],
        )
    }

    fn retention(&self) -> String {
        self.m.lang.t_args(
            "mail-receipt-retention",
            &[("days", self.m.retention_days.to_string().into())],
        )
    }

    fn signature(&self) -> String {
        self.m.lang.t_args(
            "mail-receipt-signature",
            &[("org", self.m.org_name.as_str().into())],
        )
    }
}

#[derive(Template)]
#[template(path = "mail/notice.txt")]
struct NoticeMail<'a> {
    m: &'a ApplicationMail,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_masked_for_the_log() {
        assert_eq!(mask_email("jane.doe@example.com"), "j***@example.com");
        assert_eq!(
            mask_email("Jobs <jobs@northwind.example>"),
            "j***@northwind.example"
        );
        assert_eq!(mask_email("@example.com"), "***");
        assert_eq!(mask_email("not an address"), "***");
        assert!(!mask_email("jane.doe@example.com").contains("jane.doe"));
    }

    #[cfg(not(feature = "smtp-tls"))]
    #[test]
    fn smtp_urls_are_checked() {
        assert!(transport("smtp://127.0.0.1:2525").is_ok());
        assert!(transport("smtp://user:p%40ss@mail.example:587").is_ok());
        assert!(transport("smtp://mail.example").is_ok());
        assert!(transport("smtps://mail.example").is_err());
        assert!(transport("smtp://mail.example:port").is_err());
        assert!(transport("smtp://").is_err());
    }

    #[cfg(feature = "smtp-tls")]
    #[test]
    fn tls_urls_are_read_by_lettre() {
        assert!(transport("smtps://user:pass@mail.example").is_ok());
        assert!(transport("smtp://mail.example:587?tls=required").is_ok());
        assert!(transport("ftp://mail.example").is_err());
    }
}
