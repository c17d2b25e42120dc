## Job alerts: the form on the vacancy list, the confirmation and manage pages, and the mails.

alert-form-heading = Email me new vacancies like these
alert-form-hint = We send new vacancies matching this search. First you get a mail with a link to confirm; every mail has a link to unsubscribe.
alert-email = Your email address
alert-frequency = How often
alert-daily = Daily
alert-weekly = Weekly
alert-subscribe = Email me new vacancies
alert-frequency-invalid = Choose daily or weekly.
alert-too-fast = That was quicker than a person can fill in the form. Please wait a moment and send it again.
alert-expired = The form was open too long or did not come from this page. It has been renewed: please send it again.
alert-rate-limited = Too many alerts were requested from your network in the last hour. Please try again later.

alert-check-title = Check your mail
alert-check-text = If the address can receive mail, a message is on its way with a link to confirm your alert. We send no vacancies until you confirm, and an unconfirmed alert is deleted after seven days.
alert-back-to-search = Back to the search

alert-confirm-title = Confirm your job alert
alert-confirm-text-daily = You asked for a daily mail with the new vacancies of this search:
alert-confirm-text-weekly = You asked for a weekly mail with the new vacancies of this search:
alert-the-search = See the search
alert-confirm-button = Confirm the alert
alert-confirm-ignore = If you did not ask for this, do nothing: without confirmation the alert is deleted after seven days.
alert-confirmed-title = Your job alert is on
alert-confirmed-text = You will get new vacancies of this search by mail. Every mail has a link to change how often or to unsubscribe.

alert-manage-title = Your job alert
alert-not-confirmed = This alert is not confirmed yet: use the link in the confirmation mail.
alert-save = Save
alert-saved = Saved.
alert-unsubscribe-button = Unsubscribe
alert-unsubscribed-title = You are unsubscribed
alert-unsubscribed-text = You will get no more mail for this alert. We have deleted your address and the search.
alert-browse = Browse open vacancies

alert-mail-hello = Hello,
alert-mail-confirm-subject = Confirm your job alert from { $org }
alert-mail-confirm-intro = someone (we hope you) asked on the { $org } careers site for mail about new vacancies.
alert-mail-confirm-link = To confirm, open this link and press the button:
alert-mail-confirm-mistake = If you did not ask for this, ignore this message: without confirmation we delete the request after seven days.
alert-mail-search = The search:
alert-mail-known-subject = You already get this job alert from { $org }
alert-mail-known-intro = someone asked again on the { $org } careers site for this job alert, which you already get. Nothing has changed.
alert-mail-digest-subject = { $count ->
    [one] { $n } new vacancy for your search
   *[other] { $n } new vacancies for your search
}
alert-mail-digest-intro = new vacancies matching your search, newest first:
alert-mail-more = And { $n } more:
alert-mail-all = Every vacancy of your search:
alert-mail-why-daily = You get this mail at most once a day because you asked for it on the { $org } careers site.
alert-mail-why-weekly = You get this mail at most once a week because you asked for it on the { $org } careers site.
alert-mail-manage = Change how often, or unsubscribe:
alert-mail-signature = { $org } recruiting

## Job alerts on the recruiters' dashboard.
admin-alerts-heading = Job alerts
admin-alerts-subscribers = { $count ->
    [one] confirmed subscriber
   *[other] confirmed subscribers
}
admin-alerts-last-run = Alerts last sent:
admin-alerts-never = never
admin-alerts-outbox = { $count ->
    [one] message waiting to be sent
   *[other] messages waiting to be sent
}
