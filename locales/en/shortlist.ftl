## The shortlist: "Save" on vacancies and the saved vacancies page (kept in this browser).

nav-saved = Saved
nav-saved-count = Saved ({ $n })
shortlist-save = Save
shortlist-saved = Saved
shortlist-saved-hint = { $title } is in your saved vacancies; press to remove it
shortlist-title = Saved vacancies
shortlist-description = The vacancies you saved in this browser.
shortlist-empty = You have not saved any vacancies yet. Press “Save” on a vacancy to keep it here.
shortlist-browse = Browse open vacancies
shortlist-count = { $count ->
    [one] { $n } saved vacancy, newest first.
   *[other] { $n } saved vacancies, newest first.
}
shortlist-closed = Closed, no longer taking applications
shortlist-applied = You applied from this browser
shortlist-remove = Remove
shortlist-full = { $count ->
    [one] The list keeps the vacancy you saved last: saving another one replaces it.
   *[other] The list keeps the { $n } vacancies you saved last: saving another one drops the oldest.
}
shortlist-cookie-note = Your saved vacancies are kept in a cookie in this browser only, for a year; no account needed.
shortlist-bad-form = The save button's form was not sent as the page made it. Reload the page and try again.
