## Messages of src/messages.rs: error pages, sign-in, notices of the public forms.

not-found-title = Page not found
not-found-text = We could not find that page. The vacancy may have been removed, or the link may be mistyped.
bad-request-title = We could not read that request
csrf-title = This form has expired
csrf-text = For your safety the form could not be sent. Go back, reload the page and try again.
forbidden-title = Not allowed
forbidden-text = Your account does not have access to this page.
too-many-title = Too many attempts
unavailable-title = Busy right now
unavailable-text = The site is very busy. Please try again in a few seconds.
internal-title = Something went wrong
internal-text = Something went wrong on our side. It has been logged; please try again later.

login-failed = The email or password is not right.
login-locked = Too many failed sign-ins. For your safety, sign-in is paused for 15 minutes.
signed-out = You have signed out.

comment-stamp-used = This form was already used to send a comment. If you meant to send another, your text is kept below: please send it again.
control-character = The request contains a control character (such as NUL) that no address or field may hold. Go back, retype the text and send it again.
not-a-form = We only accept forms sent from this site's pages. Go back, reload the page and send the form again.
body-too-slow = The form arrived too slowly and was cut off. Check your connection and send it again.

required = This field is required.
salary-not-stated = Salary not stated

too-large-title = That is more than we accept
form-too-large = The form you sent is larger than we accept. Go back, shorten the text and send it again.

apply-too-large = Your CV is larger than we accept. Go back, choose a smaller file (a PDF export is usually smallest) and send the form again.
apply-too-fast = That was very quick. Please check your details and send the form again.
apply-stale = This form was open for a long time. Please check your details and send it again.
apply-rejected = The application could not be sent. Reload the page and try again.
apply-rate-limited = We received several applications from your network in the last hour. Please try again later.
apply-closed-title = This vacancy is closed
apply-closed-text = This vacancy no longer takes applications, so nothing was sent. Have a look at the open vacancies instead.
apply-duplicate-title = You have already applied
apply-duplicate-text = We already have your application for this vacancy from the last 24 hours, so we did not store a second copy. Your receipt link is in the email we sent you then.
erase-confirm = Tick the box to confirm that your application and CV should be erased for good.
note-empty = Write a note before saving it.

# Errors the handlers raise with a text of their own.
unknown-status-change = Unknown status change.
unknown-status = Unknown status.
move-up-or-down = Move up or down.
too-many-comments = Too many comments at once.
form-unreadable = The form could not be read.

method-not-allowed-title = This page cannot do that
method-not-allowed-text = This address exists, but not for that kind of request (a form sent to a page that only shows, for example). Go back and use the site's links and buttons.
password-too-common = This is one of the most common passwords, the first ones an attacker tries. Choose another (a few unrelated words make a strong one).
password-same-as-current = Choose a new password, not the current one.
wrong-current-password = This is not your current password.
current-password-locked = Too many wrong current passwords. For your safety, changing the password is paused for 15 minutes.
must-change-password = Your password is a temporary one. Choose your own password to go on.
