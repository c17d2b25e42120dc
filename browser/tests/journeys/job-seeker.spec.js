// Journey 1: a job seeker searches from the home page, narrows by filters, opens a vacancy,
// applies with a PDF (after one rejected file) and opens the private receipt link. In English and
// in Spanish (desktop and the 360 px phone), with the texts of each language's pages.
const { test, expect, eachLanguage } = require('../support/site');
const { cv, notReallyPdf } = require('../support/files');

// A different candidate per language and variant: one email may apply to one vacancy once a day.
const CANDIDATES = {
  en: {
    desktop: { name: 'Grace Hopper', email: 'grace.hopper@example.com', github: 'ghopper' },
    nojs: { name: 'Alan Turing', email: 'alan.turing@example.com', github: 'aturing' },
    phone: { name: 'Katherine Johnson', email: 'katherine.johnson@example.com', github: 'kjohnson' },
  },
  es: {
    desktop: { name: 'Margarita Salas', email: 'margarita.salas@example.com', github: 'msalas' },
    phone: { name: 'Elena García Armada', email: 'elena.garcia@example.com', github: 'egarcia' },
  },
};

// What the journey reads and clicks, as each language's pages say it (locales/*/public.ftl).
const TEXT = {
  en: {
    home: '/',
    searchLabel: 'Search vacancies',
    searchButton: 'Search',
    keyword: 'developer',
    resultsFor: (q) => new RegExp(`vacanc(y|ies) for “${q}”`),
    resultsCount: (n) => new RegExp(`^${n} vacanc`),
    keywords: 'Keywords',
    remote: 'Remote',
    show: 'Show vacancies',
    seniority: 'Seniority',
    vacancies: 'Vacancies',
    apply: 'Apply for this job',
    fullName: 'Full name',
    email: 'Email',
    coverLetter: 'Cover letter',
    consent: /^I agree that/,
    send: 'Send application',
    notADocument: /not a PDF, DOC, DOCX, ODT or RTF document/,
    chooseAgain: /choose your file again/i,
    thanks: 'Thank you, your application is in',
    receipt: 'Your application',
    received: 'Received',
    withdraw: 'Withdraw my application',
    closed: 'Closed',
    withdrawn: 'You withdrew this application.',
    coverText: 'I have run production services for five years and would like to work on yours.',
  },
  es: {
    home: '/es',
    searchLabel: 'Buscar vacantes',
    searchButton: 'Buscar',
    keyword: 'desarrollador',
    resultsFor: (q) => new RegExp(`vacantes? para «${q}»`),
    resultsCount: (n) => new RegExp(`^${n} vacante`),
    keywords: 'Palabras clave',
    remote: 'En remoto',
    show: 'Ver vacantes',
    seniority: 'Nivel',
    vacancies: 'Vacantes',
    apply: 'Inscríbete en esta oferta',
    fullName: 'Nombre y apellidos',
    email: 'Correo electrónico',
    coverLetter: 'Carta de presentación',
    consent: /^Acepto que/,
    send: 'Enviar candidatura',
    notADocument: /no es un documento PDF, DOC, DOCX, ODT ni RTF/,
    chooseAgain: /vuelve a elegir tu archivo/i,
    thanks: 'Gracias, hemos recibido tu candidatura',
    receipt: 'Tu candidatura',
    received: 'Recibida',
    withdraw: 'Retirar mi candidatura',
    closed: 'Cerrada',
    withdrawn: 'Retiraste esta candidatura.',
    coverText: 'Llevo cinco años manteniendo servicios en producción y me gustaría trabajar en los vuestros.',
  },
};

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

eachLanguage('seeker', { extraSpanish: ['phone'] }, (lang) => {
  const T = TEXT[lang];
  test('search, narrow by two filters, open a vacancy, apply with a PDF, open the receipt', async ({ page, site }, testInfo) => {
    await page.goto(T.home);
    await site.check('home');

    const search = page.getByRole('search').getByLabel(T.searchLabel);
    await search.fill(T.keyword);
    await page.getByRole('button', { name: T.searchButton, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/vacancies\\?q=${T.keyword}`));
    const heading = page.getByRole('heading', { level: 2, name: T.resultsFor(T.keyword) });
    await expect(heading).toBeVisible();
    const before = Number((await heading.textContent()).match(/\d+/)[0]);
    expect(before).toBeGreaterThan(1);
    // The keyword stays in the search field of the results page.
    await expect(page.getByLabel(T.keywords)).toHaveValue(T.keyword);
    await site.check('results');

    // Narrow down: remote roles only. The form works without JavaScript: tick, then submit.
    const remote = page.getByRole('checkbox', { name: new RegExp(`^${T.remote}\\b`) });
    await remote.check();
    await page.getByRole('button', { name: T.show }).click();
    await expect(page).toHaveURL(/work_mode=remote/);
    await expect(page.getByRole('checkbox', { name: new RegExp(`^${T.remote}\\b`) })).toBeChecked();
    await expect(page.getByLabel(T.keywords)).toHaveValue(T.keyword);
    const narrowed = page.getByRole('heading', { level: 2, name: T.resultsFor(T.keyword) });
    const after = Number((await narrowed.textContent()).match(/\d+/)[0]);
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThan(before);
    const cards = page.getByRole('article');
    await expect(cards).toHaveCount(Math.min(after, 20)); // 20 a page (board::PAGE_SIZE)
    for (const card of await cards.all()) {
      await expect(card.getByText(T.remote, { exact: true })).toBeVisible();
    }
    await site.check('filtered');

    // A second filter: a seniority whose facet count promises fewer results; the count must hold.
    const seniority = page.getByRole('group', { name: T.seniority }).getByRole('checkbox');
    let pick = null;
    for (const box of await seniority.all()) {
      const label = await box.evaluate((el) => el.labels[0].textContent);
      const n = Number(label.match(/\((\d+)\)/)[1]);
      if (n > 0 && n < after && (!pick || n > pick.n)) pick = { box, n, name: label.split('(')[0].trim() };
    }
    expect(pick, 'a seniority that narrows the results').toBeTruthy();
    await pick.box.check();
    await page.getByRole('button', { name: T.show }).click();
    await expect(page.getByRole('checkbox', { name: new RegExp(`^${escape(pick.name)} `) })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: new RegExp(`^${T.remote}\\b`) })).toBeChecked();
    await expect(page.getByRole('heading', { level: 2, name: T.resultsCount(pick.n) })).toBeVisible();
    await expect(cards).toHaveCount(Math.min(pick.n, 20));
    await site.check('two-filters');

    // Open the first result.
    const link = cards.first().getByRole('link');
    const title = (await link.textContent()).trim();
    await link.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByRole('definition').filter({ hasText: new RegExp(`^${T.remote}$`) })).toBeVisible();
    await expect(page.getByRole('link', { name: T.vacancies, exact: true }).first()).toBeVisible();
    await site.check('vacancy');

    // Apply. First with a file that only pretends to be a PDF: the form comes back with the
    // message next to the CV field, what was typed kept, and a request to choose the file again.
    const who = CANDIDATES[lang][testInfo.project.name] || CANDIDATES[lang].desktop;
    const apply = page.getByRole('region', { name: T.apply });
    await apply.getByLabel(T.fullName).fill(who.name);
    await apply.getByLabel(T.email).fill(who.email);
    await apply.getByLabel('GitHub').fill(`https://github.com/${who.github}`);
    await apply.getByLabel(T.coverLetter).fill(T.coverText);
    await apply.getByLabel('CV').setInputFiles(notReallyPdf());
    await apply.getByLabel(T.consent).check();
    await site.pauseLikeAPerson();
    await apply.getByRole('button', { name: T.send }).click();
    const cvField = page.getByLabel('CV');
    await expect(cvField).toHaveAttribute('aria-invalid', 'true');
    await expect(cvField).toHaveAccessibleDescription(T.notADocument);
    await expect(cvField).toHaveAccessibleDescription(T.chooseAgain);
    await expect(page.getByLabel(T.fullName)).toHaveValue(who.name);
    await expect(apply.getByLabel(T.email)).toHaveValue(who.email);
    await expect(page.getByLabel(T.coverLetter)).toHaveValue(T.coverText);
    await expect(page.getByLabel(T.consent)).toBeChecked();
    await site.check('apply-invalid', { status: 422 });

    // Then with a real PDF: a confirmation with the private receipt link.
    await page.getByLabel('CV').setInputFiles(cv(who.name));
    await site.pauseLikeAPerson();
    await page.getByRole('button', { name: T.send }).click();
    await expect(page.getByRole('heading', { level: 1, name: T.thanks })).toBeVisible();
    await expect(page.getByText(who.email)).toBeVisible();
    await site.check('applied');

    // The receipt: where the application stands, then withdraw it.
    const receipt = page.getByRole('link', { name: /\/applications\/[0-9a-f]{64}$/ });
    await receipt.click();
    await expect(page).toHaveURL(/\/applications\/[0-9a-f]{64}$/);
    await expect(page.getByRole('heading', { level: 1, name: T.receipt })).toBeVisible();
    await expect(page.getByRole('definition').filter({ hasText: title })).toBeVisible();
    await expect(page.locator('#status')).toHaveText(T.received);
    await expect(page.getByText('cv.pdf')).toBeVisible();
    await site.check('receipt');
    await page.getByRole('button', { name: T.withdraw }).click();
    await expect(page.locator('#status')).toHaveText(T.closed);
    await expect(page.getByText(T.withdrawn)).toBeVisible();
    await expect(page.getByRole('button', { name: T.withdraw })).toHaveCount(0);
    await site.check('withdrawn');
  });
});
