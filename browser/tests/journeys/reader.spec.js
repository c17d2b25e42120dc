// Journey 3: a reader follows a learning path from step 1 to the end, marking steps as read and
// seeing the progress on the path page; comments (one attempt with errors first), sees it held for
// moderation, and a recruiter approves it. In English, and in Spanish on the Spanish path.
const { test, expect, eachLanguage } = require('../support/site');

// A different reader per language and variant: a first comment from an email always waits for moderation.
const READERS = {
  en: {
    desktop: { name: 'Margaret Hamilton', email: 'margaret.hamilton@example.com' },
    nojs: { name: 'Edsger Dijkstra', email: 'edsger.dijkstra@example.com' },
    phone: { name: 'Radia Perlman', email: 'radia.perlman@example.com' },
  },
  es: {
    desktop: { name: 'Ángela Ruiz Robles', email: 'angela.ruiz@example.com' },
  },
};

// What the journey reads and clicks, as each language's pages say it (locales/*/public.ftl).
const TEXT = {
  en: {
    home: '/',
    mainNav: 'Main',
    learn: 'Learn',
    paths: 'Learning paths',
    path: 'Backend developer',
    pathUrl: '/en/learn/backend-developer',
    stepsRead: (done, total) => `${done} of ${total} steps read`,
    start: 'Start with step 1',
    stepOf: (step, total) => `Step ${step} of ${total}`,
    toc: 'On this page',
    faq: 'Questions and answers',
    markRead: 'Mark as read',
    markedRead: 'You marked this article as read.',
    markUnread: 'Mark as unread',
    read: 'Read',
    resume: /^Continue where you left off: step 2/,
    emailPrivate: 'Your email address will not be published',
    name: 'Name',
    email: 'Email',
    comment: 'Comment',
    post: 'Post comment',
    fixFields: 'Please correct the fields marked below.',
    awaiting: 'Your comment is awaiting moderation',
    markReadNext: 'Mark as read and go to the next step',
    needing: 'Open vacancies that need these skills',
    allRead: 'You have read every step of this path.',
    comments: /^Comments/,
    commentText: (first, step) => `Thanks from ${first}: the part about ${step.toLowerCase()} helped me plan my next month of study.`,
  },
  es: {
    home: '/es',
    mainNav: 'Principal',
    learn: 'Aprende',
    paths: 'Rutas de aprendizaje',
    path: 'Desarrollador backend',
    pathUrl: '/es/learn/desarrollador-backend',
    stepsRead: (done, total) => `${done} de ${total} pasos leídos`,
    start: 'Empieza por el paso 1',
    stepOf: (step, total) => `Paso ${step} de ${total}`,
    toc: 'En esta página',
    faq: 'Preguntas y respuestas',
    markRead: 'Marcar como leído',
    markedRead: 'Has marcado este artículo como leído.',
    markUnread: 'Marcar como no leído',
    read: 'Leído',
    resume: /^Sigue donde lo dejaste: paso 2/,
    emailPrivate: 'Tu correo no se publicará',
    name: 'Nombre',
    email: 'Correo electrónico',
    comment: 'Comentario',
    post: 'Publicar comentario',
    fixFields: 'Corrige los campos marcados abajo.',
    awaiting: 'Tu comentario está pendiente de moderación',
    markReadNext: 'Marcar como leído e ir al siguiente paso',
    needing: 'Vacantes abiertas que piden estas habilidades',
    allRead: 'Has leído todos los pasos de esta ruta.',
    comments: /^Comentarios/,
    commentText: (first, step) => `Gracias de parte de ${first}: lo de «${step.toLowerCase()}» me ayudó a planificar el próximo mes de estudio.`,
  },
};

eachLanguage('reader', {}, (lang) => {
  const T = TEXT[lang];
  test('follow a path, mark a step as read, see progress, comment', async ({ page, site }, testInfo) => {
    const who = READERS[lang][testInfo.project.name] || READERS[lang].desktop;

    await page.goto(T.home);
    await page.getByRole('navigation', { name: T.mainNav }).getByRole('link', { name: T.learn }).click();
    await expect(page.getByRole('heading', { level: 1, name: T.paths })).toBeVisible();
    await site.check('paths');

    await page.getByRole('link', { name: T.path, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: T.path })).toBeVisible();
    const steps = page.getByRole('list').filter({ has: page.getByRole('heading', { level: 2 }) }).getByRole('listitem');
    const total = await steps.count();
    expect(total, 'the demo path has at least 8 steps').toBeGreaterThanOrEqual(8);
    await expect(page.getByText(T.stepsRead(0, total)).first()).toBeVisible();
    const first = (await steps.first().getByRole('link').textContent()).trim();
    const second = (await steps.nth(1).getByRole('link').textContent()).trim();
    await site.check('path');

    // Step 1: the article, its table of contents, and "mark as read".
    await page.getByRole('link', { name: T.start }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(first);
    await expect(page.getByText(T.stepOf(1, total))).toBeVisible();
    const toc = page.getByRole('navigation', { name: T.toc });
    await expect(toc.getByRole('link').first()).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: T.faq })).toBeVisible();
    await site.check('article');
    await page.getByRole('button', { name: T.markRead, exact: true }).click();
    await expect(page.getByText(T.markedRead)).toBeVisible();
    await expect(page.getByRole('button', { name: T.markUnread })).toBeVisible();
    await site.check('article-read');

    // The path page shows the step done and where to continue.
    await page.getByRole('link', { name: T.path, exact: true }).first().click();
    await expect(page.getByText(T.stepsRead(1, total)).first()).toBeVisible();
    await expect(steps.first().getByText(T.read, { exact: true })).toBeVisible();
    await expect(steps.nth(1).getByText(T.read, { exact: true })).toHaveCount(0);
    const resume = page.getByRole('link', { name: T.resume });
    await expect(resume).toContainText(second);
    await site.check('path-progress');

    // Step 2, then a comment: first with the comment left empty and a bad email.
    await resume.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(second);
    const form = page.locator('#comment-form');
    await expect(form.getByText(T.emailPrivate)).toBeVisible();
    await form.getByLabel(T.name).fill(who.name);
    await form.getByLabel(T.email).fill('not-an-email');
    await site.pauseLikeAPerson();
    await form.getByRole('button', { name: T.post }).click();
    await expect(page.getByRole('alert')).toContainText(T.fixFields);
    for (const field of [T.email, T.comment]) {
      await expect(form.getByLabel(field)).toHaveAttribute('aria-invalid', 'true');
      await expect(form.getByLabel(field)).toHaveAccessibleDescription(/.+/);
    }
    await expect(form.getByLabel(T.name)).toHaveValue(who.name);
    await site.check('comment-invalid', { status: 422 });

    // Then properly: the author is told it waits for moderation, and it is not shown yet.
    const text = T.commentText(who.name.split(' ')[0], second);
    await form.getByLabel(T.email).fill(who.email);
    await form.getByLabel(T.comment).fill(text);
    await site.pauseLikeAPerson();
    await form.getByRole('button', { name: T.post }).click();
    await expect(page.getByRole('status').filter({ hasText: T.awaiting })).toBeVisible();
    await expect(page.getByText(text)).toHaveCount(0);
    await expect(page.getByText(who.email)).toHaveCount(0);
    await site.check('comment-pending');

    // On to the end of the path: "mark as read and go to the next step" on every remaining step.
    for (let step = 2; step < total; step += 1) {
      await expect(page.getByText(T.stepOf(step, total))).toBeVisible();
      await page.getByRole('button', { name: T.markReadNext }).click();
    }
    await expect(page.getByText(T.stepOf(total, total))).toBeVisible();
    await expect(page.getByRole('button', { name: T.markReadNext })).toHaveCount(0);
    // The last step points at the open vacancies that ask for what it teaches.
    const needing = page.getByRole('region', { name: T.needing });
    await expect(needing.getByRole('link').first()).toBeVisible();
    await page.getByRole('button', { name: T.markRead, exact: true }).click();
    await expect(page.getByText(T.markedRead)).toBeVisible();
    await site.check('last-step-read');
    await page.getByRole('link', { name: T.path, exact: true }).first().click();
    await expect(page.getByText(T.stepsRead(total, total)).first()).toBeVisible();
    await expect(page.getByText(T.allRead)).toBeVisible();
    await site.check('path-done');

    // A recruiter approves the comment; then it shows under the article, without the email.
    await page.goto('/admin/comments');
    await site.signIn();
    await page.getByRole('button', { name: `Approve the comment by ${who.name}` }).click();
    await expect(page.getByRole('button', { name: `Approve the comment by ${who.name}` })).toHaveCount(0);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sign out' }).click();
    await page.goto(T.pathUrl);
    await steps.nth(1).getByRole('link').click();
    const shown = page.getByRole('region', { name: T.comments });
    await expect(shown.getByText(text)).toBeVisible();
    await expect(shown.getByText(who.name, { exact: true })).toBeVisible();
    await expect(page.getByText(who.email)).toHaveCount(0);
    await site.check('comment-approved');
  });
});
