// Journey 1: a job seeker searches from the home page, narrows by filters, opens a vacancy
// (and, once applications exist, applies with a PDF and opens the receipt link).
const { test, expect } = require('../support/site');

test.use({ journey: 'seeker' });

test('search from the home page, narrow by two filters, open a vacancy', async ({ page, site }) => {
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

  // TODO(applications, issue 5): apply with a PDF and open the receipt link. When the apply form
  // lands on the vacancy page, continue here, for example:
  //   await page.getByLabel('Full name').fill('Ada Lovelace'); ... getByLabel('CV').setInputFiles(pdf)
  //   await page.getByRole('button', { name: 'Send application' }).click(); await site.check('applied');
  //   await page.getByRole('link', { name: /receipt/i }).click(); await site.check('receipt');
  // (and one attempt with a validation error first, like the recruiter journey).
});

// Placeholder that shows up as "skipped" in every run until applications exist; not a pass.
test.fixme('apply with a PDF and open the receipt (TODO: applications, issue 5)', async () => {});
