// Journey 1: a job seeker searches from the home page, narrows by filters, opens a vacancy,
// applies with a PDF (after one rejected file) and opens the private receipt link.
const { test, expect } = require('../support/site');
const { cv, notReallyPdf } = require('../support/files');

// A different candidate per variant: one email may apply to one vacancy once a day.
const CANDIDATES = {
  desktop: { name: 'Grace Hopper', email: 'grace.hopper@example.com', github: 'ghopper' },
  nojs: { name: 'Alan Turing', email: 'alan.turing@example.com', github: 'aturing' },
  phone: { name: 'Katherine Johnson', email: 'katherine.johnson@example.com', github: 'kjohnson' },
};
const COVER_LETTER = 'I have run production services for five years and would like to work on yours.';

test.use({ journey: 'seeker' });

test('search, narrow by two filters, open a vacancy, apply with a PDF, open the receipt', async ({ page, site }, testInfo) => {
  await page.goto('/');
  await site.check('home');

  const search = page.getByRole('search').getByLabel('Search vacancies');
  await search.fill('developer');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/vacancies\?q=developer/);
  const heading = page.getByRole('heading', { level: 2, name: /vacancies? for “developer”/ });
  await expect(heading).toBeVisible();
  const before = Number((await heading.textContent()).match(/\d+/)[0]);
  expect(before).toBeGreaterThan(1);
  // The keyword stays in the search field of the results page.
  await expect(page.getByLabel('Keywords')).toHaveValue('developer');
  await site.check('results');

  // Narrow down: remote roles only. The form works without JavaScript: tick, then submit.
  const remote = page.getByRole('checkbox', { name: /^Remote\b/ });
  await remote.check();
  await page.getByRole('button', { name: 'Show vacancies' }).click();
  await expect(page).toHaveURL(/work_mode=remote/);
  await expect(page.getByRole('checkbox', { name: /^Remote\b/ })).toBeChecked();
  await expect(page.getByLabel('Keywords')).toHaveValue('developer');
  const narrowed = page.getByRole('heading', { level: 2, name: /vacanc(y|ies) for “developer”/ });
  const after = Number((await narrowed.textContent()).match(/\d+/)[0]);
  expect(after).toBeGreaterThan(0);
  expect(after).toBeLessThan(before);
  const cards = page.getByRole('article');
  await expect(cards).toHaveCount(Math.min(after, 20)); // 20 a page (board::PAGE_SIZE)
  for (const card of await cards.all()) {
    await expect(card.getByText('Remote', { exact: true })).toBeVisible();
  }
  await site.check('filtered');

  // A second filter: a seniority whose facet count promises fewer results; the count must hold.
  const seniority = page.getByRole('group', { name: 'Seniority' }).getByRole('checkbox');
  let pick = null;
  for (const box of await seniority.all()) {
    const label = await box.evaluate((el) => el.labels[0].textContent);
    const n = Number(label.match(/\((\d+)\)/)[1]);
    if (n > 0 && n < after && (!pick || n > pick.n)) pick = { box, n, name: label.split('(')[0].trim() };
  }
  expect(pick, 'a seniority that narrows the results').toBeTruthy();
  await pick.box.check();
  await page.getByRole('button', { name: 'Show vacancies' }).click();
  await expect(page.getByRole('checkbox', { name: new RegExp(`^${pick.name.replace(/[+]/g, '\\+')} `) })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: /^Remote\b/ })).toBeChecked();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${pick.n} vacanc`) })).toBeVisible();
  await expect(cards).toHaveCount(Math.min(pick.n, 20));
  await site.check('two-filters');

  // Open the first result.
  const link = cards.first().getByRole('link');
  const title = (await link.textContent()).trim();
  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByRole('definition').filter({ hasText: /^Remote$/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Vacancies', exact: true }).first()).toBeVisible();
  await site.check('vacancy');

  // Apply. First with a file that only pretends to be a PDF: the form comes back with the
  // message next to the CV field, what was typed kept, and a request to choose the file again.
  const who = CANDIDATES[testInfo.project.name] || CANDIDATES.desktop;
  const apply = page.getByRole('region', { name: 'Apply for this job' });
  await apply.getByLabel('Full name').fill(who.name);
  await apply.getByLabel('Email').fill(who.email);
  await apply.getByLabel('GitHub').fill(`https://github.com/${who.github}`);
  await apply.getByLabel('Cover letter').fill(COVER_LETTER);
  await apply.getByLabel('CV').setInputFiles(notReallyPdf());
  await apply.getByLabel(/^I agree that/).check();
  await site.pauseLikeAPerson();
  await apply.getByRole('button', { name: 'Send application' }).click();
  const cvField = page.getByLabel('CV');
  await expect(cvField).toHaveAttribute('aria-invalid', 'true');
  await expect(cvField).toHaveAccessibleDescription(/not a PDF, DOC, DOCX, ODT or RTF document/);
  await expect(cvField).toHaveAccessibleDescription(/choose your file again/i);
  await expect(page.getByLabel('Full name')).toHaveValue(who.name);
  await expect(apply.getByLabel('Email')).toHaveValue(who.email);
  await expect(page.getByLabel('Cover letter')).toHaveValue(COVER_LETTER);
  await expect(page.getByLabel(/^I agree that/)).toBeChecked();
  await site.check('apply-invalid', { status: 422 });

  // Then with a real PDF: a confirmation with the private receipt link.
  await page.getByLabel('CV').setInputFiles(cv(who.name));
  await site.pauseLikeAPerson();
  await page.getByRole('button', { name: 'Send application' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you, your application is in' })).toBeVisible();
  await expect(page.getByText(who.email)).toBeVisible();
  await site.check('applied');

  // The receipt: where the application stands, then withdraw it.
  const receipt = page.getByRole('link', { name: /\/applications\/[0-9a-f]{64}$/ });
  await receipt.click();
  await expect(page).toHaveURL(/\/applications\/[0-9a-f]{64}$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Your application' })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: title })).toBeVisible();
  await expect(page.locator('#status')).toHaveText('Received');
  await expect(page.getByText('cv.pdf')).toBeVisible();
  await site.check('receipt');
  await page.getByRole('button', { name: 'Withdraw my application' }).click();
  await expect(page.locator('#status')).toHaveText('Closed');
  await expect(page.getByText('You withdrew this application.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Withdraw my application' })).toHaveCount(0);
  await site.check('withdrawn');
});
