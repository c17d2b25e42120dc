// Journey 3: a reader follows a learning path, marks a step as read, and comments.
// TODO(learning paths, issue 4): /learn and /articles/{slug} are being built on another branch.
// When they land, replace the fixme below with the journey, using the `site` fixture as the other
// journeys do, for example:
//   await page.goto('/'); await page.getByRole('link', { name: 'Learning paths' }).click(); await site.check('paths');
//   await page.getByRole('link', { name: 'Backend developer' }).click(); await site.check('path');
//   open the first article, site.check('article'); mark it as read (button/checkbox by its label),
//   see the progress on the path page; comment: fill 'Name', 'Email', 'Comment', submit once
//   with an error (aria-describedby), then for real, and see "held for moderation".
const { test } = require('../support/site');

test.use({ journey: 'reader' });

// Shows up as "skipped" in every run until learning paths exist; not a pass.
test.fixme('follow a learning path, mark a step as read, comment (TODO: learning paths, issue 4)', async () => {});
