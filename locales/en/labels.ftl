## Labels of stored values.

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
