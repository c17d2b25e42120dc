## Formats and names shared by every page.

language-name = English
format-digit-group = ,
format-date = { $day } { $month } { $year }
format-date-time = { $date }, { $time } UTC
month-short-1 = Jan
month-short-2 = Feb
month-short-3 = Mar
month-short-4 = Apr
month-short-5 = May
month-short-6 = Jun
month-short-7 = Jul
month-short-8 = Aug
month-short-9 = Sep
month-short-10 = Oct
month-short-11 = Nov
month-short-12 = Dec

vacancy-count = { $count ->
    [one] { $n } vacancy
   *[other] { $n } vacancies
}

## Board categories.


category-backend = Backend
category-frontend = Frontend
category-data-bi = Data & BI
category-qa = QA & Testing
category-devops = DevOps & SRE
category-mobile = Mobile
category-security = Security

language-en = English
language-es = Spanish
content-written-in = Written in { $language }.
