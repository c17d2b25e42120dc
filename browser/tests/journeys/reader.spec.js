// Journey 3: a reader follows a learning path from step 1 to the end, marking steps as read and
// seeing the progress on the path page; comments (one attempt with errors first), sees it held for
// moderation, and a recruiter approves it.
const { test, expect } = require('../support/site');

test.use({ journey: 'reader' });

// A different reader per variant: a first comment from an email always waits for moderation.
const READERS = {
  desktop: { name: 'Margaret Hamilton', email: 'margaret.hamilton@example.com' },
  nojs: { name: 'Edsger Dijkstra', email: 'edsger.dijkstra@example.com' },
  phone: { name: 'Radia Perlman', email: 'radia.perlman@example.com' },
};

test('follow a path, mark a step as read, see progress, comment', async ({ page, site }, testInfo) => {
  const who = READERS[testInfo.project.name] || READERS.desktop;

  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Learn' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Learning paths' })).toBeVisible();
  await site.check('paths');

  await page.getByRole('link', { name: 'Backend developer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Backend developer' })).toBeVisible();
  const steps = page.getByRole('list').filter({ has: page.getByRole('heading', { level: 2 }) }).getByRole('listitem');
  const total = await steps.count();
  expect(total, 'the demo path has at least 8 steps').toBeGreaterThanOrEqual(8);
  await expect(page.getByText(`0 of ${total} steps read`).first()).toBeVisible();
  const first = (await steps.first().getByRole('link').textContent()).trim();
  const second = (await steps.nth(1).getByRole('link').textContent()).trim();
  await site.check('path');

  // Step 1: the article, its table of contents, and "mark as read".
  await page.getByRole('link', { name: 'Start with step 1' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(first);
  await expect(page.getByText(`Step 1 of ${total}`)).toBeVisible();
  const toc = page.getByRole('navigation', { name: 'On this page' });
  await expect(toc.getByRole('link').first()).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Questions and answers' })).toBeVisible();
  await site.check('article');
  await page.getByRole('button', { name: 'Mark as read', exact: true }).click();
  await expect(page.getByText('You marked this article as read.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mark as unread' })).toBeVisible();
  await site.check('article-read');

  // The path page shows the step done and where to continue.
  await page.getByRole('link', { name: 'Backend developer' }).first().click();
  await expect(page.getByText(`1 of ${total} steps read`).first()).toBeVisible();
  await expect(steps.first().getByText('Read', { exact: true })).toBeVisible();
  await expect(steps.nth(1).getByText('Read', { exact: true })).toHaveCount(0);
  const resume = page.getByRole('link', { name: /^Continue where you left off: step 2/ });
  await expect(resume).toContainText(second);
  await site.check('path-progress');

  // Step 2, then a comment: first with the comment left empty and a bad email.
  await resume.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(second);
  const form = page.locator('#comment-form');
  await expect(form.getByText('Your email address will not be published')).toBeVisible();
  await form.getByLabel('Name').fill(who.name);
  await form.getByLabel('Email').fill('not-an-email');
  await site.pauseLikeAPerson();
  await form.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByRole('alert')).toContainText('Please correct the fields marked below.');
  for (const field of ['Email', 'Comment']) {
    await expect(form.getByLabel(field)).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByLabel(field)).toHaveAccessibleDescription(/.+/);
  }
  await expect(form.getByLabel('Name')).toHaveValue(who.name);
  await site.check('comment-invalid', { status: 422 });

  // Then properly: the author is told it waits for moderation, and it is not shown yet.
  const text = `Thanks from ${who.name.split(' ')[0]}: the part about ${second.toLowerCase()} helped me plan my next month of study.`;
  await form.getByLabel('Email').fill(who.email);
  await form.getByLabel('Comment').fill(text);
  await site.pauseLikeAPerson();
  await form.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your comment is awaiting moderation' })).toBeVisible();
  await expect(page.getByText(text)).toHaveCount(0);
  await expect(page.getByText(who.email)).toHaveCount(0);
  await site.check('comment-pending');

  // On to the end of the path: "mark as read and go to the next step" on every remaining step.
  for (let step = 2; step < total; step += 1) {
    await expect(page.getByText(`Step ${step} of ${total}`)).toBeVisible();
    await page.getByRole('button', { name: 'Mark as read and go to the next step' }).click();
  }
  await expect(page.getByText(`Step ${total} of ${total}`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mark as read and go to the next step' })).toHaveCount(0);
  // The last step points at the open vacancies that ask for what it teaches.
  const needing = page.getByRole('region', { name: 'Open vacancies that need these skills' });
  await expect(needing.getByRole('link').first()).toBeVisible();
  await page.getByRole('button', { name: 'Mark as read', exact: true }).click();
  await expect(page.getByText('You marked this article as read.')).toBeVisible();
  await site.check('last-step-read');
  await page.getByRole('link', { name: 'Backend developer' }).first().click();
  await expect(page.getByText(`${total} of ${total} steps read`).first()).toBeVisible();
  await expect(page.getByText('You have read every step of this path.')).toBeVisible();
  await site.check('path-done');

  // A recruiter approves the comment; then it shows under the article, without the email.
  await page.goto('/admin/comments');
  await site.signIn();
  await page.getByRole('button', { name: `Approve the comment by ${who.name}` }).click();
  await expect(page.getByRole('button', { name: `Approve the comment by ${who.name}` })).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sign out' }).click();
  await page.goto('/en/learn/backend-developer');
  await steps.nth(1).getByRole('link').click();
  const shown = page.getByRole('region', { name: /^Comments/ });
  await expect(shown.getByText(text)).toBeVisible();
  await expect(shown.getByText(who.name, { exact: true })).toBeVisible();
  await expect(page.getByText(who.email)).toHaveCount(0);
  await site.check('comment-approved');
});
