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

## Countries (ISO 3166-1 alpha-2) and board categories.

country-AR = Argentina
country-AT = Austria
country-AU = Australia
country-BE = Belgium
country-BG = Bulgaria
country-BR = Brazil
country-CA = Canada
country-CH = Switzerland
country-CL = Chile
country-CY = Cyprus
country-CZ = Czechia
country-DE = Germany
country-DK = Denmark
country-EE = Estonia
country-ES = Spain
country-FI = Finland
country-FR = France
country-GB = United Kingdom
country-GE = Georgia
country-GR = Greece
country-HR = Croatia
country-HU = Hungary
country-IE = Ireland
country-IL = Israel
country-IN = India
country-IS = Iceland
country-IT = Italy
country-JP = Japan
country-KR = South Korea
country-LT = Lithuania
country-LU = Luxembourg
country-LV = Latvia
country-MD = Moldova
country-MT = Malta
country-MX = Mexico
country-NL = Netherlands
country-NO = Norway
country-NZ = New Zealand
country-PL = Poland
country-PT = Portugal
country-RO = Romania
country-RS = Serbia
country-SE = Sweden
country-SG = Singapore
country-SI = Slovenia
country-SK = Slovakia
country-TR = Turkey
country-UA = Ukraine
country-US = United States
country-UY = Uruguay
country-ZA = South Africa

category-backend = Backend
category-frontend = Frontend
category-data-bi = Data & BI
category-qa = QA & Testing
category-devops = DevOps & SRE
category-mobile = Mobile
category-security = Security
