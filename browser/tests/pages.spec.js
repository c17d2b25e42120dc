// A tour of every template the demo can reach, in the states people meet (empty results, errors,
// 404), plus keyboard use: skip link, visible focus, print style. Desktop viewport; each page gets
// the same checks as the journeys (screenshot, raw HTML for the validator, axe light + dark).
const { test, expect } = require('./support/site');
const fs = require('node:fs');
const { cv } = require('./support/files');

test.describe(() => {
  test.use({ journey: 'public' });
  test('public templates and their states', async ({ page, site }) => {
    await page.goto('/en/vacancies');
    await site.check('vacancies');
    await page.getByRole('link', { name: 'Next →' }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByText(/Page 2 of \d+/)).toBeVisible();
    await site.check('vacancies-page-2');
    await page.goto('/en/vacancies');
    await page.getByRole('link', { name: 'salary', exact: true }).click();
    await expect(page).toHaveURL(/sort=salary/);
    await site.check('vacancies-by-salary');

    // Nothing found: the page suggests wider searches.
    await page.goto('/en/vacancies?q=xylophonist&work_mode=onsite&seniority=intern');
    await expect(page.getByText('No vacancies match this search.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'All open vacancies' })).toBeVisible();
    await site.check('vacancies-empty');

    // Browse chips on the home page lead to filtered lists.
    await page.goto('/');
    await page.getByRole('link', { name: /^Backend \d+$/ }).click();
    await expect(page.getByRole('checkbox', { name: /^Backend\b/ })).toBeChecked();
    await site.check('category');

    // Missing pages: a friendly 404, not a bare string.
    await page.goto('/en/vacancies/no-such-vacancy');
    await expect(page.getByRole('link', { name: 'Browse open vacancies' })).toBeVisible();
    await site.check('404-vacancy', { status: 404 });
    await page.goto('/no/such/page');
    await site.check('404', { status: 404 });

    // Bad input gets a clear error page, never a 500.
    const bad = await page.goto('/en/vacancies?page=abc');
    expect(bad.status()).toBeGreaterThanOrEqual(200);
    expect(bad.status()).toBeLessThan(500);
    await site.check('bad-query', { status: bad.status() });
  });
});

test.describe(() => {
  test.use({ journey: 'vacancy' });
  test('vacancy page: dark mode and print style', async ({ page, site }) => {
    await page.goto('/en/vacancies');
    await page.getByRole('article').first().getByRole('link').click();
    await site.check('vacancy');
    await page.emulateMedia({ colorScheme: 'dark' });
    await site.check('vacancy-dark');
    // Print: no navigation, filters or footer on paper; the content stays.
    await page.emulateMedia({ media: 'print', colorScheme: 'light' });
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    await expect(page.getByRole('contentinfo')).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await site.check('vacancy-print');
    await page.emulateMedia({ media: 'screen' });
  });
});

test.describe(() => {
  test.use({ journey: 'shortlist' });
  test('saved vacancies: empty, save from a card and a page, closed marked, remove', async ({ page, site }) => {
    const nav = page.getByRole('navigation', { name: 'Main' });
    await page.goto('/en/saved');
    await expect(page.getByRole('heading', { level: 1, name: 'Saved vacancies' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Browse open vacancies' })).toBeVisible();
    await site.check('saved-empty');

    // "Save" on a card: back to the same list, the button now says "Saved", the header counts.
    await page.goto('/en/vacancies');
    const card = page.getByRole('article').first();
    const title = (await card.getByRole('heading').textContent()).trim();
    await card.getByRole('button', { name: `Save ${title}` }).click();
    await expect(page).toHaveURL(/\/en\/vacancies#vacancy-\d+$/);
    await expect(page.getByRole('article').first().getByRole('button', { name: /^Saved\b/ })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Saved (1)' })).toBeVisible();
    await site.check('vacancies-one-saved');

    // A closed vacancy's page: still there, and it can be saved.
    await page.goto('/en/vacancies/qa-lead');
    await expect(page.getByText('This vacancy is closed')).toBeVisible();
    await page.getByRole('button', { name: 'Save QA Lead' }).click();
    await expect(page.getByRole('button', { name: /^Saved\b/ }).first()).toBeVisible();
    await site.check('vacancy-closed-saved');

    // The list: newest first, the closed one labelled, a remove button on each.
    await nav.getByRole('link', { name: 'Saved (2)' }).click();
    const items = page.getByRole('main').getByRole('listitem');
    await expect(items).toHaveCount(2);
    await expect(items.first().getByRole('heading')).toHaveText('QA Lead');
    await expect(items.first().getByText('Closed, no longer taking applications')).toBeVisible();
    await site.check('saved');
    await page.getByRole('button', { name: `Remove ${title}` }).click();
    await expect(items).toHaveCount(1);
    await expect(nav.getByRole('link', { name: 'Saved (1)' })).toBeVisible();
    await site.check('saved-after-remove');
  });
});

test('keyboard: skip link and visible focus', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
  await expect(page.getByRole('main')).toBeFocused();
  // From the main content, the next Tab reaches the search field, then its button.
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Search vacancies')).toBeFocused();
  await expectVisibleFocus(page);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Search' })).toBeFocused();
  await expectVisibleFocus(page);
  // Checkboxes in the filters too.
  await page.goto('/en/vacancies');
  await page.getByRole('checkbox', { name: /^Remote\b/ }).focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('checkbox', { name: /^Remote\b/ })).toBeFocused();
  await expectVisibleFocus(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectVisibleFocus(page);
});

test.describe(() => {
  test.use({ journey: 'admin' });
  test('admin templates and their states', async ({ page, site }) => {
    await page.goto('/admin');
    await expect(page).toHaveURL(/\/admin\/login/);
    await page.getByLabel('Email').fill(process.env.CAREERS_ADMIN_EMAIL);
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await expect(page.getByLabel('Email')).toHaveAccessibleDescription(/.+/);
    await site.check('login-failed', { status: 401 });
    await page.getByLabel('Password').fill(process.env.CAREERS_ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await site.check('dashboard');

    await page.goto('/admin/vacancies?status=closed&title=nothing-like-this');
    await expect(page.getByText('No vacancies match.')).toBeVisible();
    await site.check('vacancies-none');

    // A demo vacancy: detail with history and checklist, edit form, preview page.
    await page.goto('/admin/vacancies');
    await page.getByRole('table').getByRole('link').first().click();
    await expect(page.getByRole('heading', { level: 2, name: 'Ready for Google?' })).toBeVisible();
    await site.check('vacancy');
    await page.getByRole('link', { name: 'Edit' }).click();
    await site.check('edit');
    // "Preview and check" re-renders the form with the rendered sections and the checklist.
    await page.getByRole('button', { name: 'Preview and check' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Preview (not saved yet)' })).toBeVisible();
    await site.check('edit-preview');
    await page.goBack();
    await page.goBack();
    await page.getByRole('link', { name: 'Preview' }).click();
    await expect(page.getByText('Preview: this is how the page will look once published.')).toBeVisible();
    await site.check('preview');

    // Users: the list, a create attempt with errors, then a real one showing the temporary password.
    await page.goto('/admin/users');
    await site.check('users');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Email')).toHaveAccessibleDescription(/.+/);
    await site.check('users-invalid', { status: 422 });
    await page.getByLabel('Email').fill('rita.recruiter@example.com');
    await page.getByLabel('Name').fill('Rita Recruiter');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByText('rita.recruiter@example.com').first()).toBeVisible();
    await expect(page.getByRole('status')).toContainText('Temporary password');
    await site.check('users-created');

    // Account: a password change with errors.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: process.env.CAREERS_ADMIN_NAME || 'Ada Admin' }).click();
    await site.check('account');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByLabel('Current password')).toHaveAttribute('aria-invalid', 'true');
    await site.check('account-invalid', { status: 422 });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
    await site.check('audit');
  });
});

test.describe(() => {
  test.use({ journey: 'learning' });
  test('learning templates: paths, a reply form, a 404 article', async ({ page, site }) => {
    await page.goto('/en/learn');
    await page.getByRole('link', { name: 'Data & BI analyst' }).click();
    await expect(page.getByText(/^0 of \d+ steps read/).first()).toBeVisible();
    await site.check('path');
    // An article with a conversation: one comment and its reply, then the reply form.
    await page.goto('/en/articles/databases-and-caches');
    const comments = page.getByRole('region', { name: /^Comments/ });
    await expect(comments.getByText('Tomasz W.', { exact: true })).toBeVisible();
    await expect(comments.getByText('Northwind Labs team', { exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Open vacancies that need these skills' })).toBeVisible();
    await site.check('article-with-comments');
    await comments.getByRole('link', { name: 'Reply to Tomasz W.' }).click();
    await expect(page.getByRole('heading', { level: 3, name: 'Reply to Tomasz W.' })).toBeVisible();
    await site.check('reply-form');
    await page.goto('/en/articles/no-such-article');
    await site.check('404-article', { status: 404 });
  });
});

test.describe(() => {
  test.use({ journey: 'applications' });
  test('applications: candidate receipt, recruiter pipeline, erase for good', async ({ page, site }) => {
    // A candidate applies to a demo vacancy, arriving from a newsletter's tagged link.
    await page.goto('/en/vacancies?utm_source=newsletter');
    await page.getByRole('article').first().getByRole('link').click();
    const vacancy = (await page.getByRole('heading', { level: 1 }).textContent()).trim();
    const apply = page.getByRole('region', { name: 'Apply for this job' });
    await apply.getByLabel('Full name').fill('Mary Jackson');
    await apply.getByLabel('Email').fill('mary.jackson@example.com');
    await apply.getByLabel('Phone').fill('+44 20 7946 0000');
    await apply.getByLabel('LinkedIn').fill('https://www.linkedin.com/in/mary-jackson');
    await apply.getByLabel('CV').setInputFiles(cv('Mary Jackson'));
    await apply.getByLabel(/^I agree that/).check();
    await site.pauseLikeAPerson();
    await apply.getByRole('button', { name: 'Send application' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Thank you, your application is in' })).toBeVisible();
    const receipt = await page.getByRole('link', { name: /\/applications\/[0-9a-f]{64}$/ }).getAttribute('href');

    // The recruiter's side: the list, the application, a status move and a note.
    await page.goto('/admin/applications');
    await site.signIn();
    await expect(page.getByRole('heading', { level: 1, name: 'Applications' })).toBeVisible();
    await site.check('admin-applications');
    await page.getByLabel('Name or email').fill('mary.jackson');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page.getByRole('table').getByRole('row')).toHaveCount(2); // header + Mary
    await site.check('admin-applications-search');
    await page.getByRole('link', { name: 'Mary Jackson' }).click();
    await site.check('admin-application');
    // The CV downloads as the file the candidate sent.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'cv.pdf' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('cv.pdf');
    const bytes = fs.readFileSync(await download.path());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.toString('latin1')).toContain('CV of Mary Jackson');
    await page.getByRole('button', { name: 'Move to reviewing' }).click();
    await expect(page.getByRole('button', { name: 'Move to interview' })).toBeVisible();
    await page.getByLabel('New note').fill('Strong SQL; ask about on-call experience.');
    await page.getByRole('button', { name: 'Save note' }).click();
    await expect(page.getByText('Strong SQL; ask about on-call experience.')).toBeVisible();
    await site.check('admin-application-reviewing');
    await page.getByRole('link', { name: vacancy }).first().click();
    await site.check('admin-vacancy-with-applications');

    // The reports count the application, its review and where it came from.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
    await expect(page.getByRole('img', { name: 'Applications per week over the last 12 weeks' })).toBeVisible();
    await expect(page.getByRole('img', { name: 'How far applications got in the pipeline' })).toBeVisible();
    const sources = page.getByRole('table', { name: /by referring site or campaign/ });
    await expect(sources.getByRole('rowheader', { name: 'newsletter' })).toBeVisible();
    await site.check('admin-reports');
    await page.getByLabel('Period').selectOption({ label: 'All time' });
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page).toHaveURL(/period=all/);
    await site.check('admin-reports-all-time');

    // The candidate sees "In review", then erases everything; the link stops working.
    await page.goto(receipt);
    await expect(page.locator('#status')).toHaveText('In review');
    await site.check('receipt-in-review');
    await page.getByLabel('Yes, erase my application and CV').check();
    await page.getByRole('button', { name: 'Erase for good' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await site.check('erased');
    await page.goto(receipt);
    await site.check('receipt-gone', { status: 404 });
  });
});

test.describe(() => {
  test.use({ journey: 'editor' });
  test('editor templates: articles, paths, comment moderation', async ({ page, site }) => {
    await page.goto('/admin/articles');
    await site.signIn();
    await expect(page.getByRole('heading', { level: 1, name: 'Articles' })).toBeVisible();
    await site.check('articles');

    // A new article sent empty: errors next to the fields, status 422.
    await page.getByRole('link', { name: 'Write an article' }).click();
    await site.check('article-new');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Title')).toHaveAccessibleDescription(/.+/);
    await site.check('article-invalid', { status: 422 });

    // An existing article: its page, the edit form and the preview.
    await page.goto('/admin/articles');
    await page.getByRole('table').getByRole('link').first().click();
    await expect(page.getByRole('heading', { level: 2, name: 'History' })).toBeVisible();
    await site.check('article');
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await site.check('article-edit');
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Preview (not saved yet)' })).toBeVisible();
    await site.check('article-preview');
    await page.goto('/admin/articles');
    await page.getByRole('table').getByRole('link').first().click();
    await page.getByRole('link', { name: 'Delete…' }).click();
    await expect(page.getByRole('button', { name: 'Delete the article' })).toBeVisible();
    await site.check('article-delete');

    // Paths: the ordered list and a path's form.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Paths' }).click();
    await site.check('paths');
    await page.getByRole('link', { name: 'Edit Backend developer' }).click();
    await site.check('path-edit');

    // Comments: the queue, pending first; approve one and see it on the article.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Comments' }).click();
    await site.check('comments');
    await page.getByRole('button', { name: 'Approve the comment by Daniel O.' }).click();
    await expect(page.getByRole('button', { name: 'Approve the comment by Daniel O.' })).toHaveCount(0);
    await site.check('comments-approved');
    await page.goto('/en/articles/how-to-start-in-data');
    await expect(page.getByRole('region', { name: /^Comments/ }).getByText('Daniel O.', { exact: true })).toBeVisible();
  });
});

/** The focused element draws a visible outline (or box-shadow) and sits inside the viewport. */
async function expectVisibleFocus(page) {
  const focus = await page.evaluate(() => {
    const el = document.activeElement;
    const s = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    return {
      tag: el.tagName,
      outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
      shadow: s.boxShadow !== 'none',
      inView: r.width > 0 && r.height > 0 && r.left >= 0 && r.top >= -1 && r.left < window.innerWidth,
    };
  });
  expect(focus.outline || focus.shadow, `${focus.tag} shows no focus indicator`).toBe(true);
  expect(focus.inView, `${focus.tag} is focused off screen`).toBe(true);
}

// The Spanish pages: the same checks, and none of the English interface texts.
const { ENGLISH_UI } = require('./support/lang');

test.describe(() => {
  test.use({ journey: 'spanish' });
  test('Spanish pages speak Spanish', async ({ page, site }) => {
    const pages = [
      ['es-home', '/es'],
      ['es-vacancies', '/es/vacancies'],
      ['es-learn', '/es/learn'],
      ['es-path', '/es/learn/desarrollador-backend'],
      ['es-article', '/es/articles/quien-es-un-desarrollador-backend'],
    ];
    for (const [name, path] of pages) {
      await page.goto(path);
      await site.check(name);
      const text = await page.locator('body').innerText();
      for (const english of ENGLISH_UI) {
        expect(text, `${english} on ${path}`).not.toContain(english);
      }
    }
    await page.goto('/es/vacancies');
    await page.getByRole('article').first().getByRole('link').first().click();
    await expect(page.getByRole('heading', { name: 'Inscríbete en esta oferta' })).toBeVisible();
    await site.check('es-vacancy');
    // The vacancy itself is written in English; its frame, facts and form are not.
    for (const part of ['header.site-header', '.facts', '#apply', 'footer']) {
      const text = await page.locator(part).first().innerText();
      for (const english of ENGLISH_UI) {
        expect(text, `${english} in ${part} of a Spanish vacancy page`).not.toContain(english);
      }
    }
    await page.goto('/es/vacancies/no-existe');
    await site.check('es-404', { status: 404 });
    // The switch goes to the English page and back.
    await page.goto('/es/articles/git-para-desarrolladores');
    await page.getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(/\/en\/articles\/git-for-developers$/);
  });
});
