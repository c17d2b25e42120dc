## The public site: frame, board, vacancy, learning, applications.

site-careers = careers
site-title = { $page } · { $org } careers
site-description = IT vacancies at { $org }: backend, frontend, data, QA, DevOps and mobile roles.
skip-to-content = Skip to content
nav-main = Main
nav-vacancies = Vacancies
nav-learn = Learn
feed-title = Open vacancies
footer-all-vacancies = All vacancies
footer-learning-paths = Learning paths
footer-sitemap = Sitemap
footer-recruiters = Recruiters
language-switch = Language
language-switch-to = Read this page in { $language }

home-title = Careers
home-heading = Work with us at { $org }
home-lead = { $count ->
    [one] { $n } open IT vacancy: backend, frontend, data, QA, DevOps, mobile and more.
   *[other] { $n } open IT vacancies: backend, frontend, data, QA, DevOps, mobile and more.
}
home-search-label = Search vacancies
home-search-placeholder = Role, skill or keyword, e.g. Python
home-search-button = Search
home-newest = Newest vacancies
home-none-open = There are no open vacancies right now. Please check back soon.
home-see-all = { $count ->
    [one] See the { $n } vacancy
   *[other] See all { $n } vacancies
}
home-by-category = Browse by category
home-by-seniority = Browse by seniority
home-learn-heading = New to the field? Learn the role first
home-learn-text = Short learning paths explain what each role does and the skills our vacancies ask for.
home-latest-articles = Latest articles

board-title = Vacancies
board-title-query = “{ $q }” vacancies
board-title-page = { $title }, page { $page }
board-heading = Open vacancies
board-form-label = Search and filters
board-keywords = Keywords
board-keywords-placeholder = e.g. Python, SQL
board-vacancies-suffix = vacancies
board-country = Country
board-country-any = Any country
board-location = Location
board-location-placeholder = City, country or remote
board-salary-min = Minimum salary per year
board-salary-hint = Compared with the top of each range, in the vacancy's currency. Vacancies without a stated salary stay in the list.
board-show = Show vacancies
board-clear = Clear all
board-results-for = { $results } for “{ $q }”
board-sort = Sort:
board-sort-newest = newest
board-sort-salary = salary
board-empty = No vacancies match this search.
board-widen = Try a wider search:
board-all-open = All open vacancies
board-pages = Pages
board-previous = ← Previous
board-next = Next →
board-page-of = Page { $page } of { $pages }
facet-category = Category
facet-seniority = Seniority
facet-employment = Employment
facet-work-mode = Work mode

card-salary-not-stated = Salary not stated
card-posted = Posted

vacancy-preview = Preview: this is how the page will look once published.
vacancy-back-to-admin = Back to the vacancy
vacancy-closed = This vacancy is closed
vacancy-closed-rest = and no longer takes applications.
vacancy-see-open-in = See open { $category } vacancies
vacancy-seniority = Seniority
vacancy-employment = Employment
vacancy-work-mode = Work mode
vacancy-location = Location
vacancy-locations = Locations
vacancy-salary = Salary
vacancy-not-stated = Not stated
vacancy-posted = Posted
vacancy-apply-by = Apply by
vacancy-responsibilities = Responsibilities
vacancy-requirements = Requirements
vacancy-nice-to-have = Nice to have
vacancy-benefits = Benefits
vacancy-skills = Skills
vacancy-learn-skills = Learn the skills for this role
vacancy-related = Related vacancies
vacancy-related-closed = Open vacancies like this one

apply-heading = Apply for this job
apply-preview = Preview: the form below works once the vacancy is published.
apply-fix-fields = { $count ->
    [one] Please correct the field marked below.
   *[other] Please correct the { $n } fields marked below.
}
apply-required-note = Fields marked * are required.
apply-leave-empty = Leave this field empty
apply-full-name = Full name
apply-email = Email
apply-email-hint = We send your receipt link here.
apply-phone = Phone
apply-links = Links (optional)
apply-portfolio = Portfolio or website
apply-cover-letter = Cover letter
apply-cover-letter-hint = Optional, up to 5,000 characters.
apply-cv = CV
apply-cv-hint = PDF, DOC, DOCX, ODT or RTF, up to { $size }.
apply-cv-again = Please choose your file again:
apply-cv-again-why = for your privacy, browsers do not send a file twice.
apply-privacy-label = Privacy:
apply-privacy = we keep what you send here (your details, links, cover letter and CV) to consider you for this job. Only our recruiters see it. We erase it { $days } days after the vacancy closes, and you can withdraw or erase it yourself at any time from the private link we give you.
apply-consent = I agree that { $org } keeps my application as described
apply-send = Send application

confirmation-title = Application received
confirmation-heading = Thank you, your application is in
confirmation-received = We received your application for
confirmation-copy-on-way = and a copy of the link below is on its way to { $email }.
confirmation-link-heading = Your private receipt link
confirmation-keep-private = Keep it to yourself: there you can see where your application stands, withdraw it, or erase it and your CV for good. Anyone with the link can do the same.
confirmation-retention = We erase applications { $days } days after the vacancy closes.
confirmation-other = See other vacancies

receipt-title = Your application
receipt-vacancy = Vacancy
receipt-sent = Sent
receipt-status = Status
receipt-cv = CV
receipt-withdrawn = You withdrew this application. Recruiters no longer consider it.
receipt-received = We have your application and will start reviewing it soon.
receipt-in-review = Our recruiters are reviewing your application. We will contact you by email.
receipt-closed = This application is closed. Thank you for your interest.
receipt-withdraw-heading = Withdraw
receipt-withdraw-text = Withdrawing tells us you are no longer interested. Your details stay until they are erased as described in the privacy notice.
receipt-withdraw-button = Withdraw my application
receipt-erase-heading = Erase for good
receipt-erase-text = Erasing deletes your application and your CV from our database now. It cannot be undone, and this link stops working.
receipt-erase-confirm = Yes, erase my application and CV
receipt-erase-button = Erase for good
receipt-retention = We keep applications for { $days } days after a vacancy closes.
public-status-withdrawn = Withdrawn
erased-title = Application erased
erased-heading = Your application was erased
erased-text = Your application and CV are no longer in our database, and the receipt link no longer works.
erased-open = See open vacancies

learn-title = Learning paths
learn-description = Learning paths for IT careers at { $org }: what each role does, the skills it needs, and the open vacancies that need them.
learn-lede = Short, practical articles in a sensible order: what the role is, which skills it needs, and how to start. Every article links to our open vacancies that ask for those skills.
learn-none = No learning paths are published yet.
learn-articles = { $count ->
    [one] { $n } article
   *[other] { $n } articles
}
learn-minutes = about { $n } min of reading
learn-read-of = { $done } of { $total } read
path-title = { $path }: learning path
path-steps-read = { $done } of { $total } steps read
path-minutes-left = about { $n } min left
path-steps-label = Steps read
path-continue = Continue where you left off: step { $step }, { $title }
path-start = Start with step 1
path-all-read = You have read every step of this path. Well done!
path-see-vacancies = Look at the open vacancies
path-cookie-note = Progress is kept in a cookie in this browser only; no account needed.
path-read-badge = Read
path-step-meta = Step { $step } · { $minutes } min read
article-card-minutes = { $n } min read
article-step-of = Step { $step } of { $steps }
article-minutes = { $n } min read
article-published = Published
article-updated = Updated
article-read = Read
article-on-this-page = On this page
article-faq = Questions and answers
article-skills = Skills in this article
article-progress = Your progress
article-marked-read = You marked this article as read.
article-mark-unread = Mark as unread
article-mark-read = Mark as read
article-mark-read-next = Mark as read and go to the next step
article-cookie-note = Kept in a cookie in this browser; no account needed.
article-steps-nav = Steps of this path
article-previous-step = Previous step
article-next-step = Next step
article-vacancies = Open vacancies that need these skills
comments-heading = Comments ({ $n })
comments-awaiting = Thank you! Your comment is awaiting moderation and will appear here once approved.
comments-none = No comments yet. Questions and experiences are welcome.
comments-reply-to = Reply to { $name }
comments-leave = Leave a comment
comments-reply-under = Your reply appears under { $name }’s comment.
comments-new-instead = Write a new comment instead
comments-fix-fields = Please correct the fields marked below.
comments-email-private = Your email address will not be published. Required fields are marked *.
comments-name = Name
comments-email = Email
comments-website = Website
comments-comment = Comment
comments-comment-hint = Plain text; at most two links.
comments-leave-empty = Leave this empty
comments-post = Post comment

error-browse = Browse open vacancies
error-home = Home
content-in-en = in English
content-in-es = in Spanish
widen-keywords = Search all vacancies, not only “{ $q }”
widen-category = Any category, not only { $category }
widen-seniority = Any seniority
widen-employment = Any employment type
widen-work-mode = Any work mode
widen-country = Any country, not only { $country }
widen-location = Anywhere, not only “{ $location }”
widen-salary = Any salary

mail-receipt-subject = Your application: { $vacancy }
mail-receipt-hello = Hello,
mail-receipt-thanks = thank you for applying for "{ $vacancy }" at { $org }. We have received your application and CV.
mail-receipt-link = Your private receipt link:
mail-receipt-what = There you can see where your application stands, withdraw it, or erase it and your CV for good. Keep the link to yourself: anyone who has it can do the same.
mail-receipt-mistake = If you did not apply, someone typed your address by mistake: ignore this message, or erase the application with the link above.
mail-receipt-retention = We keep applications for { $days } days after a vacancy closes, then erase them.
mail-receipt-signature = { $org } recruiting

comments-reply-gone = The comment you are replying to is no longer shown; your comment will be posted on its own.
comments-honeypot = Your comment could not be accepted. Please leave the field “Leave this empty” empty and send again.
comments-too-fast = That was very quick. Please read your comment once more and send it again.
comments-expired = This form has expired. Your text is kept below; please send it again.
comments-rate-limited = { $count ->
    [one] You have sent { $n } comment in the last hour. Please wait a while; your text is kept below.
   *[other] You have sent { $n } comments in the last hour. Please wait a while; your text is kept below.
}
