## Recruiters' reports (templates/admin/reports.html, src/handlers/admin/reports.rs).

reports-nav = Reports
reports-title = Reports
reports-heading = Reports
reports-filters = Report filters
reports-vacancy = Vacancy
reports-any-vacancy = All vacancies
reports-category = Category
reports-any-category = All categories
reports-period = Period
reports-period-4w = Last 4 weeks
reports-period-12w = Last 12 weeks
reports-period-26w = Last 26 weeks
reports-period-52w = Last 52 weeks
reports-period-all = All time
reports-show = Show
reports-summary-since = { $count ->
    [one] { $n } application received since { $since }.
   *[other] { $n } applications received since { $since }.
}
reports-summary-all = { $count ->
    [one] { $n } application received in all.
   *[other] { $n } applications received in all.
}
# Numbers with a decimal (2.5 days) and shares.
reports-decimal-separator = .
reports-percent = { $n }%
reports-unknown-chart = Choose a chart: weekly, funnel, sources or per-vacancy.

# Applications per week.
reports-weekly-heading = Applications per week
reports-weekly-csv = Weekly figures as CSV
reports-weekly-title = Applications per week over the last 12 weeks
reports-week-label = { $day } { $month }
reports-weekly-desc = Column chart of the 12 weeks from { $from }: { $count ->
    [one] { $n } application
   *[other] { $n } applications
} in all, the most in the week of { $peak } ({ $max }).
reports-weekly-desc-none = Column chart of the 12 weeks from { $from }: no applications.
reports-weekly-caption = Applications per week (weeks start on Monday)
reports-col-week = Week of
reports-col-applications = Applications

# The pipeline.
reports-funnel-heading = Pipeline
reports-funnel-csv = Pipeline figures as CSV
reports-funnel-title = How far applications got in the pipeline
reports-funnel-desc = Bar chart of { $count ->
    [one] { $n } application
   *[other] { $n } applications
}: { $steps }.
reports-funnel-desc-step = { $stage } { $n } ({ $percent })
reports-funnel-caption = Applications that reached each stage; for rejected and withdrawn, those that ended there
reports-col-stage = Stage
reports-col-reached = Reached
reports-col-share = Share
reports-col-now = Now at this stage
reports-median-review = Median time to first review
reports-median-hire = Median time to hire
reports-days = { $count ->
    [one] { $n } day
   *[other] { $n } days
}
reports-median-of = { $count ->
    [one] (one application)
   *[other] ({ $n } applications)
}
reports-median-none = Nothing to measure yet
reports-median-note = From an application's arrival to the first time a recruiter changed its status, and to its move to hired; for the applications received in the period.

# Applications per open vacancy.
reports-vacancies-heading = Applications per open vacancy
reports-vacancies-csv = Figures per vacancy as CSV
reports-open-vacancies = Open vacancies
reports-open-applications = Their applications
reports-per-vacancy = Per open vacancy
reports-without = Without applications
reports-vacancies-title = Open vacancies with the most applications
reports-vacancies-desc = Bar chart of the { $count ->
    [one] open vacancy
   *[other] { $n } open vacancies
} with the most applications; first { $top } with { $max }.
reports-vacancies-desc-none = No open vacancy has applications in this period.
reports-vacancies-caption = Open vacancies with the most applications in the period
reports-col-vacancy = Vacancy

# Sources.
reports-sources-heading = Where candidates came from
reports-sources-csv = Figures per source as CSV
reports-sources-title = Applications by source
reports-sources-desc = Bar chart of { $count ->
    [one] one source
   *[other] { $n } sources
}; the most applications came from { $top } ({ $max }).
reports-sources-desc-none = No applications in this period.
reports-sources-caption = Applications by referring site or campaign (utm_source)
reports-col-source = Source
reports-source-direct = Direct or unknown
reports-source-other = Other sources
reports-sources-note = The site or campaign tag (utm_source) of the visit that led to the application, remembered for a day. Direct or unknown: a typed or bookmarked address, or a site that sends no referrer.
reports-application-source = Source
