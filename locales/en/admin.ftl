## The recruiters' area (templates/admin and the admin handlers' messages).

# Navigation, for templates/base.html when a user is signed in.
admin-nav = Admin
admin-nav-dashboard = Dashboard
admin-nav-vacancies = Vacancies
admin-nav-applications = Applications
admin-nav-articles = Articles
admin-nav-paths = Paths
admin-nav-comments = Comments
admin-nav-users = Users
admin-nav-audit = Audit log
admin-nav-sign-out = Sign out

# Shared words.
admin-page-title = { $name } · admin
admin-edit-title = Edit “{ $title }”
admin-any = Any
admin-none = None
admin-none-lower = none
admin-none-yet = None yet.
admin-choose = Choose…
admin-filter = Filter
admin-save = Save
admin-cancel = Cancel
admin-edit = Edit
admin-preview = Preview
admin-publish = Publish
admin-unpublish = Unpublish
admin-close = Close
admin-reopen = Reopen
admin-duplicate = Duplicate
admin-delete = Delete
admin-delete-ellipsis = Delete…
admin-not-yet = not yet
admin-no-date = no date
admin-not-stated = Not stated
admin-after-publishing = (after publishing)
admin-public-page = Public page
admin-title-contains = Title contains
admin-post-vacancy = Post a vacancy
admin-cannot-undo = This cannot be undone.
admin-email = Email
admin-password = Password
admin-skills = Skills:
admin-faqs = Questions and answers
admin-pages = Pages
admin-preview-heading = Preview (not saved yet)
admin-minutes = { $n } min
admin-system = system
admin-former-user = former user
admin-required-before = Fields marked
admin-required-after = are required.
admin-form-correct = { $count ->
    [one] Please correct { $n } field:
   *[other] Please correct { $n } fields:
}
admin-nothing-changed = Nothing had changed, so nothing was saved.
admin-nothing-deleted = Nothing was deleted: tick the box to confirm first.
admin-nothing-erased = Nothing was erased: tick the box to confirm first.

# Table columns.
admin-col-when = When
admin-col-who = Who
admin-col-what = What
admin-col-changes = Changes
admin-col-name = Name
admin-col-email = Email
admin-col-role = Role
admin-col-status = Status
admin-col-actions = Actions
admin-col-vacancy = Vacancy
admin-col-candidate = Candidate
admin-col-received = Received
admin-col-category = Category
admin-col-posted = Posted
admin-col-updated = Updated
admin-col-path = Path
admin-col-step = Step
admin-col-article = Article
admin-col-order = Order
admin-col-field = Field
admin-col-from = From
admin-col-to = To

# History of one item: "publish by Ann Archer, 30 Nov 2026, 09:30 UTC".
admin-history = History
admin-history-none = No recorded changes.
admin-by = by { $who }
admin-by-system = by system
admin-by-candidate = by the candidate

# Sign-in.
admin-login-title = Sign in
admin-login-heading = Sign in for recruiters
admin-sign-in = Sign in

# Account.
admin-account-title = Your account
admin-account-signed-in-as = Signed in as { $email }.
admin-account-language-heading = Language of the admin area
admin-account-language = Language
admin-account-language-save = Save language
admin-language-saved = The admin area is now in English.
admin-account-password-heading = Change your password
admin-account-current-password = Current password
admin-account-new-password = New password
admin-account-new-password-hint = At least 12 characters.
admin-account-confirm-password = New password again
admin-account-password-save = Change password
admin-password-changed = Your password was changed.

# Dashboard.
admin-dashboard-title = Dashboard
admin-dashboard-new-applications = { $count ->
    [one] new application
   *[other] new applications
}
admin-dashboard-open = open
admin-dashboard-drafts = { $count ->
    [one] draft
   *[other] drafts
}
admin-dashboard-closed = closed
admin-dashboard-expiring = expiring within 7 days
admin-dashboard-pending-comments = { $count ->
    [one] comment to moderate
   *[other] comments to moderate
}
admin-dashboard-latest = Latest changes
admin-dashboard-nothing-yet = Nothing has changed yet.

# Audit log.
admin-audit-title = Audit log · admin
admin-audit-heading = Audit log
admin-audit-nothing = Nothing recorded.
admin-audit-nothing-on-page = Nothing recorded on this page.
admin-audit-newer = ← Newer
admin-audit-older = Older →

# Users.
admin-users-title = Users · admin
admin-users-heading = Users
admin-users-active = Active
admin-users-deactivated = Deactivated
admin-users-deactivate = Deactivate
admin-users-reactivate = Reactivate
admin-users-reset-password = Reset password
admin-users-of = of { $email }
admin-users-add = Add a user
admin-users-add-hint = A temporary password is shown once after creating the account; the person changes it under their name in the menu.
admin-users-create = Create account
admin-user-created = Account created for { $email }. Temporary password (shown once, pass it on safely): { $password }
admin-user-own-account = You cannot deactivate your own account.
admin-user-reactivated = The account is active again.
admin-user-deactivated = The account is deactivated; its sessions end at their next request.
admin-user-password-reset = New temporary password for { $email } (shown once): { $password }

# Vacancies.
admin-vacancies-title = Vacancies · admin
admin-vacancies-heading = Vacancies
admin-vacancies-find = Find vacancies
admin-vacancies-none = No vacancies match.
admin-vacancies-caption = { $count ->
    [one] { $n } vacancy
   *[other] { $n } vacancies
}
admin-vacancy-closed-expired = Closed (expired)
admin-vacancy-expired = (expired)
admin-vacancy-expired-notice = This vacancy is past its valid-through date and counts as closed everywhere. Edit the date to open it again, or close it.
admin-vacancy-seniority = Seniority
admin-vacancy-location = Location
admin-vacancy-salary = Salary
admin-vacancy-valid-through = Valid through
admin-vacancy-delete-draft = Delete draft
admin-vacancy-no-applications = No applications yet.
admin-vacancy-filter-applications = Filter and export these applications
admin-vacancy-new = New vacancy
admin-vacancy-markdown-hint = Sections use Markdown: “- ” starts a list item, **bold**, blank line between paragraphs.
admin-vacancy-legend-role = The role
admin-vacancy-job-title = Job title
admin-vacancy-job-title-hint = The role only, such as “Backend Developer (Python)”: no salary, place or work mode.
admin-vacancy-employment = Employment type
admin-vacancy-work-mode = Work mode
admin-vacancy-legend-where = Where
admin-vacancy-city = City (office or hybrid)
admin-vacancy-city-hint = Required unless the role is remote.
admin-vacancy-country = Country of the office
admin-vacancy-country-none = None (remote)
admin-vacancy-places-hint = Each place is a city and its country; the first is the main one. To add a place, fill in an empty row; to remove one, empty its row. At most { $max } places.
admin-vacancy-place-city = City of place { $n }
admin-vacancy-place-country = Country of place { $n }
admin-vacancy-more-places = More places
admin-vacancy-remote-countries = Countries accepted for remote work
admin-vacancy-remote-countries-hint = Two-letter codes separated by commas, such as DE, PL, ES. Required for remote roles.
admin-vacancy-legend-salary = Salary and dates
admin-vacancy-salary-from = Salary from
admin-vacancy-salary-to = Salary to
admin-vacancy-currency = Currency
admin-vacancy-period = Per
admin-period-hour = hour
admin-period-day = day
admin-period-month = month
admin-period-year = year
admin-vacancy-valid-through-hint = The last day to apply (YYYY-MM-DD). After it the vacancy closes by itself.
admin-vacancy-legend-description = Description
admin-vacancy-summary-hint = Two to four sentences about the role and the team.
admin-vacancy-skills-hint = Comma-separated, such as Python, PostgreSQL, Docker.
admin-vacancy-preview-check = Preview and check
admin-field-title = Title
admin-field-summary = Summary
admin-field-responsibilities = Responsibilities
admin-field-requirements = Requirements
admin-field-nice-to-have = Nice to have
admin-field-benefits = Benefits
admin-field-skills = Skills
admin-vacancy-saved = The vacancy was saved.
admin-vacancy-not-allowed = A { $status } vacancy cannot be changed that way.
admin-vacancy-not-ready = Not published yet: { $problems }
admin-vacancy-published = The vacancy is published.
admin-vacancy-closed = The vacancy is closed: its page stays, without the apply option.
admin-vacancy-reopened = The vacancy is open again.
admin-vacancy-duplicated = A draft copy was made. Edit it, then publish.
admin-vacancy-not-draft = Only drafts can be deleted. Close a published vacancy instead, so its page keeps working.
admin-vacancy-deleted = The draft was deleted.

# The Google checklist of a vacancy.
admin-checklist-heading = Ready for Google?
admin-checklist-ok = All of Google's required and recommended JobPosting properties are present.
admin-checklist-must-fix = Must fix:
admin-checklist-advice = Advice:
admin-checklist-warning = Warning:
admin-checklist-json-ld = The JSON-LD this page will carry
check-title-empty = The title is empty.
check-title-salary = The title carries a salary; Google asks for the job title only. Put the salary in the salary fields.
check-description-empty = The description is empty.
check-organisation-unnamed = The hiring organisation has no name (set ORG_NAME).
check-remote-countries = A remote job needs at least one country where applicants may live.
check-no-country = The job location has no country.
check-expired = The valid-through date has passed.
check-title-place = The title mentions a place or work mode; Google shows those from the location fields, keep the title to the role.
check-description-short = { $count ->
    [one] The description has { $words } word; Google recommends a full description (100 words or more).
   *[other] The description has { $words } words; Google recommends a full description (100 words or more).
}
check-no-city = The job location has no city.
check-no-salary = No salary: postings with a salary range get more attention, and some countries require one.
check-eu-pay-transparency = No salary range, and the job is in the EU or EEA: under the EU Pay Transparency Directive (2023/970), which applies from 7 June 2026, employers must state the pay or its range before the interview. Add the salary range.
check-no-valid-through = No valid-through date: Google may show the posting after it is filled.
check-no-employment-type = No employment type.
check-title-capitals = The title is in capitals; write it as a normal title.

# Applications.
admin-applications-title = Applications · admin
admin-applications-heading = Applications
admin-applications-export = Export these as CSV
admin-applications-find = Find applications
admin-applications-name-or-email = Name or email
admin-applications-counts = Counts per status
admin-applications-all = All
admin-applications-none = No applications match.
admin-applications-caption = { $count ->
    [one] { $n } application, newest first
   *[other] { $n } applications, newest first
}
admin-application-title = { $name } · application
admin-application-phone = Phone
admin-application-portfolio = Portfolio
admin-application-cv = CV
admin-application-cover-letter = Cover letter
admin-application-none-sent = None sent.
admin-application-pipeline = Pipeline
admin-application-pipeline-steps = new → reviewing → interview → offer → hired, or rejected / withdrawn.
admin-application-final = This application is { $status }: no further moves.
admin-application-move-to = Move to { $status }
admin-application-notes = Notes
admin-application-no-notes = No notes yet.
admin-application-new-note = New note
admin-application-save-note = Save note
admin-application-erase = Erase for good
admin-application-erase-text = When the candidate asks you to delete their data: this removes the application, the CV and the notes now. It cannot be undone; the history keeps only that it was erased, and by whom.
admin-application-erase-confirm = Yes, erase { $name }’s application and CV
admin-application-moved = Status changed to { $to }.
admin-application-refused = An application that is { $from } cannot move to { $to }.
admin-application-erased = The application, its CV and its notes are erased for good.
admin-note-too-long = Keep a note under { $max } characters.
admin-note-saved = Note saved.

# Articles.
admin-articles-title = Articles · admin
admin-articles-heading = Articles
admin-articles-write = Write an article
admin-articles-find = Find articles
admin-articles-no-path = No path
admin-articles-none = No articles match.
admin-articles-caption = { $count ->
    [one] { $n } article
   *[other] { $n } articles
}
admin-article-new = New article
admin-article-address = Address:
admin-article-address-note = (it stays the same once the article has been published, so links keep working).
admin-article-legend-article = The article
admin-article-title-hint = A clear question or topic, such as “What does a backend developer do?”.
admin-article-summary-hint = One or two sentences, shown in lists and to search engines.
admin-article-body = Body (Markdown)
admin-article-body-hint = ## starts a section heading (it goes into the table of contents), “- ” a list item, **bold**, [text](https://link), ``` a code block. Raw HTML is removed.
admin-article-legend-faqs = Questions and answers (FAQ)
admin-article-faqs-hint = Shown under the article and to search engines. Leave a row empty to skip it; save to get more empty rows.
admin-article-question = Question { $n }
admin-article-answer = Answer { $n }
admin-article-legend-place = Skills, path and status
admin-article-skills = Skills it teaches
admin-article-skills-hint = Comma-separated, such as SQL, PostgreSQL, Git. Vacancies with the same skills are linked to the article.
admin-article-path = Learning path
admin-article-position = Step in the path
admin-article-position-hint = 1 is the first step. Empty: after the last step.
admin-article-status-hint = Readers see published articles only. The first publication date is kept if you unpublish and publish again.
admin-article-step = step { $n }
admin-article-first-published = First published
admin-article-reading-time = Reading time
admin-article-text = Text
admin-article-delete-title = Delete “{ $title }” · admin
admin-article-delete-heading = Delete “{ $title }”?
admin-article-delete-published = The article is published: its page will answer “not found”; unpublishing keeps the text instead. Its address:
admin-article-delete-comments = { $count ->
    [one] Its { $n } comment will be deleted too.
   *[other] Its { $n } comments will be deleted too.
}
admin-article-delete-button = Delete the article
admin-article-saved = The article was saved.
admin-article-already-published = The article is already published.
admin-article-already-draft = The article is already a draft.
admin-article-published = The article is published.
admin-article-unpublished = The article is a draft again: readers no longer see it.
admin-article-at-end = The article is already at that end of its path.
admin-article-deleted = The article was deleted.

# Learning paths.
admin-paths-title = Learning paths · admin
admin-paths-heading = Learning paths
admin-paths-new = New path
admin-paths-hint = Readers see the paths in this order, and the steps of each path in order (published articles only). Move buttons renumber the steps 1, 2, 3…
admin-paths-none = No paths yet.
admin-paths-add-article = Add an article
admin-paths-to = to { $title }
admin-paths-move-up = Move up
admin-paths-move-down = Move down
admin-paths-articles = { $count ->
    [one] { $n } article
   *[other] { $n } articles
}
admin-paths-no-articles = No articles in this path yet.
admin-paths-steps-of = Steps of { $title }
admin-paths-up = Up
admin-paths-down = Down
admin-paths-earlier = move “{ $title }” one step earlier
admin-paths-later = move “{ $title }” one step later
admin-paths-loose = Articles in no path
admin-paths-no-loose = Every article is in a path.
admin-path-new = New learning path
admin-path-edit = Edit path “{ $title }”
admin-path-address = Address:
admin-path-address-note = (it does not change with the title, so links keep working).
admin-path-title-hint = The role or topic, such as “Backend developer”.
admin-path-summary-hint = Who the path is for and what they will know at the end.
admin-path-delete-heading = Delete this path
admin-path-delete-text = Its articles are kept and listed under “Articles in no path”; readers lose nothing they marked as read. This address stops working:
admin-path-delete-confirm = Yes, delete the path “{ $title }”
admin-path-delete-button = Delete the path
admin-path-created = The path was created. Add articles to it from their form.
admin-path-saved = The path was saved.
admin-path-deleted = The path “{ $title }” was deleted. { $count ->
    [0] It had no articles.
    [one] Its article is now in no path.
   *[other] Its { $n } articles are now in no path.
}
admin-path-at-end = The path is already at that end of the list.

# Comments.
admin-comments-title = Comments · admin
admin-comments-heading = Comments
admin-comments-waiting = waiting for moderation
admin-comments-filter = Filter comments
admin-comments-any = Any (pending first)
admin-comments-none = No comments here.
admin-comments-with-ticked = With the ticked comments
admin-comments-approve = Approve
admin-comments-mark-spam = Mark as spam
admin-comments-spam = Spam
admin-comments-apply = Apply
admin-comments-caption = { $count ->
    [one] { $n } comment, pending first, newest first
   *[other] { $n } comments, pending first, newest first
}
admin-comments-select = Select
admin-comments-comment = Comment
admin-comments-select-one = Select the comment by { $author } on { $title }
admin-comments-on = On
admin-comments-a-reply = (a reply)
admin-comments-from = from { $address }
admin-comments-the-comment-by = the comment by { $author }
admin-comments-choose-action = Choose what to do with the comments: approve, spam or delete.
admin-comments-tick-first = Tick at least one comment first.
admin-comments-unchanged = Nothing changed: those comments already had that status.
admin-comments-approved = { $count ->
    [one] 1 comment approved.
   *[other] { $n } comments approved.
}
admin-comments-spammed = { $count ->
    [one] 1 comment marked as spam.
   *[other] { $n } comments marked as spam.
}
admin-comments-requeued = { $count ->
    [one] 1 comment back in the queue.
   *[other] { $n } comments back in the queue.
}
admin-comments-deleted = { $count ->
    [one] 1 comment deleted.
   *[other] { $n } comments deleted.
}

# Audit trail: what was done (stored codes; English shows the codes themselves).
audit-action-create = create
audit-action-update = update
audit-action-delete = delete
audit-action-publish = publish
audit-action-unpublish = unpublish
audit-action-close = close
audit-action-reopen = reopen
audit-action-duplicate = duplicate
audit-action-move = move
audit-action-apply = apply
audit-action-withdraw = withdraw
audit-action-erase = erase
audit-action-purge = purge
audit-action-status = status
audit-action-note = note
audit-action-export = export
audit-action-download_cv = download_cv
audit-action-approve = approve
audit-action-spam = spam
audit-action-pending = pending
audit-action-reactivate = reactivate
audit-action-deactivate = deactivate
audit-action-reset_password = reset_password
audit-action-change_password = change_password
audit-action-change_language = change_language
audit-entity-vacancy = vacancy
audit-entity-application = application
audit-entity-article = article
audit-entity-path = path
audit-entity-comment = comment
audit-entity-user = user
audit-field-title = title
audit-field-category = category
audit-field-seniority = seniority
audit-field-employment = employment
audit-field-work_mode = work_mode
audit-field-location = location
audit-field-country = country
audit-field-other_places = other_places
audit-field-remote_countries = remote_countries
audit-field-salary_min = salary_min
audit-field-salary_max = salary_max
audit-field-salary_currency = salary_currency
audit-field-salary_period = salary_period
audit-field-valid_through = valid_through
audit-field-summary = summary
audit-field-responsibilities = responsibilities
audit-field-requirements = requirements
audit-field-nice_to_have = nice_to_have
audit-field-benefits = benefits
audit-field-skills = skills
audit-field-body = body
audit-field-faqs = faqs
audit-field-path = path
audit-field-position = position
audit-field-slug = slug
audit-field-status = status
audit-field-copied_from = copied_from
audit-field-email = email
audit-field-note = note
audit-field-role = role
audit-field-rows = rows
audit-field-active = active
audit-field-lang = lang
audit-field-translation_of = translation_of
audit-field-other_languages = other_languages
# Translations of vacancies, articles and paths
admin-versions-heading = Languages
admin-versions-original = This is the { $language } version of
admin-versions-this = this page
admin-version-add = Add the { $language } version
admin-field-language = Language
admin-version-language-taken = This already has a version in that language: edit that one instead.
admin-version-translating = You are writing the { $language } version of “{ $title }”: translate the title and the texts. It gets its own address and is saved as a draft.
admin-vacancy-other-languages = List this vacancy in other languages while it has no translation
admin-vacancy-other-languages-hint = Readers of another language see it, marked with its language, until you add their version.
