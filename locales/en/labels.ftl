## Labels of stored values, shared by public and admin pages. The key is the prefix plus the
## stored value (`seniority-middle_plus`), so a new value needs a line here in every language.

seniority-intern = Intern
seniority-junior = Junior
seniority-middle = Middle
seniority-middle_plus = Middle+
seniority-senior = Senior
seniority-lead = Lead

employment-full_time = Full-time
employment-part_time = Part-time
employment-contract = Contract
employment-internship = Internship
employment-temporary = Temporary

work-mode-remote = Remote
work-mode-hybrid = Hybrid
work-mode-onsite = On-site

salary-period-hour = per hour
salary-period-day = per day
salary-period-month = per month
salary-period-year = per year

# A salary as the pages show it: amounts are already formatted for the language.
salary-range = { $min }–{ $max } { $currency } { $period }
salary-exact = { $amount } { $currency } { $period }
salary-from = from { $amount } { $currency } { $period }
salary-up-to = up to { $amount } { $currency } { $period }

# Where a vacancy is: "Remote (Germany, Poland)".
place-remote = Remote
place-remote-in = Remote ({ $countries })
places-and-more = { $places } and { $count } more

vacancy-status-draft = Draft
vacancy-status-published = Published
vacancy-status-closed = Closed

article-status-draft = Draft
article-status-published = Published

comment-status-pending = Pending
comment-status-approved = Approved
comment-status-spam = Spam

role-admin = Administrator
role-recruiter = Recruiter

# Where an application is in the hiring pipeline (recruiters see these).
stage-new = New
stage-reviewing = Reviewing
stage-interview = Interview
stage-offer = Offer
stage-hired = Hired
stage-rejected = Rejected
stage-withdrawn = Withdrawn

# What the candidate sees of it.
public-status-received = Received
public-status-in-review = In review
public-status-closed = Closed

## Countries, by ISO 3166-1 code.

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
