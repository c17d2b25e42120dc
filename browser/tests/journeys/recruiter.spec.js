// Journey 2: a recruiter signs in, creates a vacancy through the form (a validation error first,
// then fixed), publishes it, finds it on the public site by keyword, closes it, and sees it gone.
const { test, expect } = require('../support/site');

test.use({ journey: 'recruiter' });

// One made-up word per run, so each variant's vacancy is the only match for its keyword.
const KEYWORDS = { desktop: 'Tamarind', nojs: 'Juniper', phone: 'Saffron' };

test('create with a validation error, fix, publish, find, close, gone', async ({ page, site }, testInfo) => {
  const email = process.env.CAREERS_ADMIN_EMAIL;
  const password = process.env.CAREERS_ADMIN_PASSWORD;
  expect(email && password, 'CAREERS_ADMIN_EMAIL and CAREERS_ADMIN_PASSWORD must be set').toBeTruthy();
  const keyword = KEYWORDS[testInfo.project.name] || 'Kumquat';
  const title = `Observability Engineer (${keyword} team)`;

  // Sign in from the public footer link.
  await page.goto('/');
  await page.getByRole('link', { name: 'Recruiters' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in for recruiters' })).toBeVisible();
  await site.check('login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await site.check('dashboard');

  // Open the new-vacancy form.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Vacancies' }).click();
  await site.check('vacancies');
  await page.getByRole('link', { name: 'Post a vacancy' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/vacancy/i);
  await site.check('new');

  // Fill it in with one mistake: a salary range upside down.
  await page.getByLabel('Job title').fill(title);
  await page.getByLabel('Category').selectOption({ label: 'DevOps & SRE' });
  await page.getByLabel('Seniority').selectOption({ label: 'Senior' });
  await page.getByLabel('Employment type').selectOption({ label: 'Full-time' });
  await page.getByLabel('Work mode').selectOption({ label: 'Hybrid' });
  await page.getByLabel('City (office or hybrid)').fill('Berlin');
  await page.getByLabel('Country of the office').selectOption({ label: 'Germany' });
  await page.getByLabel('Salary from').fill('90000');
  await page.getByLabel('Salary to').fill('70000');
  await page.getByLabel('Currency').selectOption({ label: 'EUR' });
  await page.getByLabel('Per', { exact: true }).selectOption({ label: 'year' });
  await page.getByLabel('Summary').fill(`Keep our ${keyword} platform observable: metrics, traces and calm on-call.`);
  await page.getByLabel('Responsibilities').fill('- Run Prometheus and Grafana\n- Write runbooks people can follow at 3 a.m.');
  await page.getByRole('textbox', { name: 'Requirements', exact: true }).fill('- Five years running Linux services\n- Kubernetes in production');
  await page.getByLabel('Skills').fill('Prometheus, Grafana, Kubernetes');
  await page.getByRole('button', { name: 'Save', exact: true }).click();

  // The form comes back with the error beside its field and everything typed kept.
  const salaryTo = page.getByLabel('Salary to');
  await expect(salaryTo).toHaveAttribute('aria-invalid', 'true');
  await expect(salaryTo).toHaveAccessibleDescription(/maximum must be at least the minimum/);
  await expect(page.getByRole('alert')).toContainText('maximum must be at least the minimum');
  await expect(page.getByLabel('Job title')).toHaveValue(title);
  await expect(page.getByLabel('Salary from')).toHaveValue('90000');
  await expect(salaryTo).toHaveValue('70000');
  await expect(page.getByLabel('Category')).toHaveValue('devops');
  await expect(page.getByLabel('Responsibilities')).toHaveValue(/Write runbooks/);
  await site.check('invalid', { status: 422 });

  // The summary links each error to its field.
  await page.getByRole('alert').getByRole('link', { name: /maximum must be at least/ }).click();
  await expect(page).toHaveURL(/#f-salary_max$/);

  // Fix it and save.
  await salaryTo.fill('110000');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The vacancy was saved.' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  // The status badge (the Languages box lists the same status in its table too).
  await expect(page.locator('span.status', { hasText: 'Draft' })).toBeVisible();
  await site.check('saved');

  // Publish.
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The vacancy is published.' })).toBeVisible();
  await site.check('published');

  // The public site finds it by keyword.
  await page.goto('/en/vacancies');
  await page.getByLabel('Keywords').fill(keyword.toLowerCase());
  await page.getByRole('button', { name: 'Show vacancies' }).click();
  await expect(page.getByRole('heading', { level: 2, name: `1 vacancy for “${keyword.toLowerCase()}”` })).toBeVisible();
  await site.check('public-search');
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByRole('definition').filter({ hasText: /90,000/ })).toBeVisible();
  const publicUrl = page.url();
  await site.check('public-vacancy');

  // Back in the admin, close it.
  await page.goto('/admin/vacancies');
  await page.getByRole('link', { name: title }).click();
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The vacancy is closed' })).toBeVisible();
  await site.check('closed');

  // Gone from public search; its page stays but says it is closed.
  await page.goto(`/en/vacancies?q=${encodeURIComponent(keyword.toLowerCase())}`);
  await expect(page.getByRole('heading', { level: 2, name: `0 vacancies for “${keyword.toLowerCase()}”` })).toBeVisible();
  await expect(page.getByText('No vacancies match this search.')).toBeVisible();
  await expect(page.getByRole('link', { name: title })).toHaveCount(0);
  await site.check('public-gone');

  // Its page stays for people with old links, says it is closed and offers no application.
  await page.goto(publicUrl);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByText('This vacancy is closed')).toBeVisible();
  await site.check('public-closed');

  // The reports: each chart an image with a name, beside a table of the same figures.
  await page.goto('/admin');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Applications per week over the last 12 weeks' })).toBeVisible();
  await expect(page.getByRole('table', { name: /Applications per week/ })).toBeVisible();
  await site.check('reports');

  // Sign out.
  await page.goto('/admin');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in for recruiters' })).toBeVisible();
});
