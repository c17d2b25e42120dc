## Messages next to form fields (src/forms and the handlers' own checks).

form-too-long = Use at most { $max } characters (now { $now }).
email-invalid = Enter an email address like name@example.com.
url-invalid = Enter a full web address starting with https://.
password-too-short = Use at least { $min } characters.
password-too-long = Use at most { $max } characters.
password-not-current = This is not your current password.
passwords-differ = The two new passwords differ.
email-taken = An account with this email exists already.
role-choose = Choose a role.
language-choose = Choose one of the languages offered.

skills-too-many = Use at most { $max } skills.
skill-too-long = “{ $skill }” is too long for a skill (40 characters at most).
skill-needs-letter = Each skill needs at least one letter or digit.

# The apply form.
phone-invalid = Use digits, spaces and + - ( ) only, for example +34 600 123 456.
consent-missing = Please agree to the privacy notice so we can keep your application.
cv-missing = Choose your CV file (PDF, DOC, DOCX, ODT or RTF).
cv-empty = The chosen file is empty. Choose your CV file.
cv-too-large = The file is larger than { $size }. Choose a smaller one.
cv-unknown-kind = This file is not a PDF, DOC, DOCX, ODT or RTF document (we check the content, not only the name). Choose another file.

# The comment form.
comment-website-invalid = Start the address with https:// (or leave it empty).
comment-too-many-links = Use at most { $max } links in a comment (we get a lot of spam).
comment-blocked-word = Your comment contains “{ $word }”, which we do not accept here.

# The vacancy form.
category-choose = Choose a category.
seniority-choose = Choose a seniority.
employment-choose = Choose an employment type.
work-mode-choose = Choose a work mode.
country-choose = Choose the country of the office.
place-country-missing = Choose the country of this place.
place-country-unknown = Choose a country from the list.
places-too-many = A vacancy can list at most { $max } places.
remote-countries-unknown = Unknown country codes: { $codes }. Use two-letter codes such as DE, PL, ES.
remote-countries-missing = A remote vacancy needs at least one country where applicants may live.
salary-max-below-min = The maximum must be at least the minimum.
salary-currency-choose = Choose the currency of the salary.
salary-period-choose = Choose what period the salary is for.
amount-invalid = Enter a whole number, such as 65000.
valid-through-invalid = Enter a date as YYYY-MM-DD.
valid-through-past = The date must be in the future.

# The article and path forms.
title-needs-letter = The title needs at least one letter or digit (it makes the address).
article-status-choose = Choose draft or published.
path-choose = Choose one of the learning paths, or none.
position-invalid = Enter a whole number from 1 (the first step).
position-without-path = A position only means something inside a path: choose a path, or leave this empty.
faqs-too-many = Use at most { $max } questions.
faq-no-question = Question { $n } has no question: fill in both, or clear both.
faq-no-answer = Question { $n } has no answer: fill in both, or clear both.
faqs-too-long = Keep each question under 300 characters and each answer under 3000.
