// Journey 2: a recruiter signs in, creates a vacancy through the form (a validation error first,
// then fixed), publishes it, finds it on the public site by keyword, closes it, and sees it gone.
// In English, and in Spanish: a second administrator switches the admin area to Spanish first
// (/admin/account) and posts a Spanish vacancy, found on the Spanish board.
const { test, expect, eachLanguage } = require('../support/site');

// One made-up word per run, so each variant's vacancy is the only match for its keyword.
const KEYWORDS = {
  en: { desktop: 'Tamarind', nojs: 'Juniper', phone: 'Saffron' },
  es: { desktop: 'Membrillo', nojs: 'Azahar', phone: 'Romero' },
};

// What the journey reads, clicks and types, as each language's admin and public pages say it
// (locales/*/admin.ftl, public.ftl).
const TEXT = {
  en: {
    account: () => ({ email: process.env.CAREERS_ADMIN_EMAIL, name: process.env.CAREERS_ADMIN_NAME }),
    home: '/',
    board: '/en/vacancies',
    title: (keyword) => `Observability Engineer (${keyword} team)`,
    mainNav: 'Main',
    vacancies: 'Vacancies',
    post: 'Post a vacancy',
    jobTitle: /^Job title\b/,
    category: 'Category',
    seniority: 'Seniority',
    employment: ['Employment type', 'Full-time'],
    workMode: ['Work mode', 'Hybrid'],
    city: 'City (office or hybrid)',
    country: ['Country of the office', 'Germany'],
    salaryFrom: 'Salary from',
    salaryTo: 'Salary to',
    currency: 'Currency',
    period: ['Per', 'year'],
    summary: ['Summary', (keyword) => `Keep our ${keyword} platform observable: metrics, traces and calm on-call.`],
    responsibilities: ['Responsibilities', '- Run Prometheus and Grafana\n- Write runbooks people can follow at 3 a.m.', /Write runbooks/],
    requirements: ['Requirements', '- Five years running Linux services\n- Kubernetes in production'],
    skills: 'Skills',
    save: 'Save',
    salaryOrder: /maximum must be at least the minimum/,
    saved: 'The vacancy was saved.',
    draft: 'Draft',
    publish: 'Publish',
    published: 'The vacancy is published.',
    keywords: 'Keywords',
    show: 'Show vacancies',
    found: (n, q) => (n === 1 ? `1 vacancy for “${q}”` : `${n} vacancies for “${q}”`),
    salaryShown: /90,000/,
    close: 'Close',
    closed: 'The vacancy is closed',
    noMatch: 'No vacancies match this search.',
    closedPage: 'This vacancy is closed',
    reports: 'Reports',
    chart: 'Applications per week over the last 12 weeks',
    chartTable: /Applications per week/,
    signOut: 'Sign out',
  },
  es: {
    account: () => ({ email: process.env.CAREERS_ADMIN_ES_EMAIL, name: process.env.CAREERS_ADMIN_ES_NAME }),
    home: '/es',
    board: '/es/vacancies',
    title: (keyword) => `Ingeniero/a de observabilidad (equipo ${keyword})`,
    mainNav: 'Principal',
    vacancies: 'Vacantes',
    post: 'Publicar una vacante',
    jobTitle: /^Puesto\b/,
    category: 'Categoría',
    seniority: 'Nivel',
    employment: ['Tipo de contrato', 'Jornada completa'],
    workMode: ['Modalidad', 'Híbrido'],
    city: 'Ciudad (oficina o híbrido)',
    country: ['País de la oficina', 'Alemania'],
    salaryFrom: 'Salario desde',
    salaryTo: 'Salario hasta',
    currency: 'Moneda',
    period: ['Por', 'año'],
    summary: ['Resumen', (keyword) => `Mantén observable nuestra plataforma ${keyword}: métricas, trazas y guardias tranquilas.`],
    responsibilities: ['Funciones', '- Operar Prometheus y Grafana\n- Escribir procedimientos que se puedan seguir a las 3 de la madrugada', /Escribir procedimientos/],
    requirements: ['Requisitos', '- Cinco años operando servicios Linux\n- Kubernetes en producción'],
    skills: 'Habilidades',
    save: 'Guardar',
    salaryOrder: /El máximo debe ser igual o mayor que el mínimo/,
    saved: 'Se ha guardado la vacante.',
    draft: 'Borrador',
    publish: 'Publicar',
    published: 'La vacante está publicada.',
    keywords: 'Palabras clave',
    show: 'Ver vacantes',
    found: (n, q) => (n === 1 ? `1 vacante para «${q}»` : `${n} vacantes para «${q}»`),
    salaryShown: /90\.000/,
    close: 'Cerrar',
    closed: 'La vacante está cerrada',
    noMatch: 'Ninguna vacante coincide con esta búsqueda.',
    closedPage: 'Esta vacante está cerrada',
    reports: 'Informes',
    chart: 'Candidaturas por semana en las últimas 12 semanas',
    chartTable: /Candidaturas por semana/,
    signOut: 'Cerrar sesión',
  },
};

eachLanguage('recruiter', {}, (lang) => {
  const T = TEXT[lang];
  test('create with a validation error, fix, publish, find, close, gone', async ({ page, site }, testInfo) => {
    const { email } = T.account();
    const password = process.env.CAREERS_ADMIN_PASSWORD;
    expect(email && password, 'the administrators\' emails and CAREERS_ADMIN_PASSWORD must be set').toBeTruthy();
    const keyword = KEYWORDS[lang][testInfo.project.name] || 'Kumquat';
    const title = T.title(keyword);

    // Sign in from the public footer link (the sign-in page is in English: nobody is known yet).
    await page.goto(T.home);
    await page.getByRole('contentinfo').getByRole('link', { name: lang === 'es' ? 'Selección' : 'Recruiters' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in for recruiters' })).toBeVisible();
    await site.check('login');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/admin$/);
    await site.check('dashboard');

    if (lang !== 'en') {
      // The administrator chooses the admin area's language; from here on every admin page speaks it.
      await page.goto('/admin/account');
      await page.getByLabel('Language', { exact: true }).selectOption(lang);
      await page.getByRole('button', { name: 'Save language' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'El área de administración está ahora en español.' })).toBeVisible();
      site.adminLang = lang;
      await page.goto('/admin');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Panel');
      await site.check('dashboard-es');
    }

    // Open the new-vacancy form.
    await page.getByRole('navigation', { name: T.mainNav }).getByRole('link', { name: T.vacancies }).click();
    await site.check('vacancies');
    await page.getByRole('link', { name: T.post }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(lang === 'es' ? /vacante/i : /vacancy/i);
    await site.check('new');

    // Fill it in with one mistake: a salary range upside down.
    // The vacancy is written in the journey's language (the form offers every language).
    await page.locator('#f-lang').selectOption(lang);
    await page.getByLabel(T.jobTitle).fill(title);
    await page.getByLabel(T.category).selectOption({ value: 'devops' });
    await page.getByLabel(T.seniority).selectOption({ label: 'Senior' });
    await page.getByLabel(T.employment[0]).selectOption({ label: T.employment[1] });
    await page.getByLabel(T.workMode[0]).selectOption({ label: T.workMode[1] });
    await page.getByLabel(T.city).fill('Berlin');
    await page.getByLabel(T.country[0]).selectOption({ label: T.country[1] });
    await page.getByLabel(T.salaryFrom).fill('90000');
    await page.getByLabel(T.salaryTo).fill('70000');
    await page.getByLabel(T.currency).selectOption({ label: 'EUR' });
    await page.getByLabel(T.period[0], { exact: true }).selectOption({ label: T.period[1] });
    await page.getByLabel(T.summary[0]).fill(T.summary[1](keyword));
    await page.getByLabel(T.responsibilities[0]).fill(T.responsibilities[1]);
    await page.getByRole('textbox', { name: T.requirements[0], exact: true }).fill(T.requirements[1]);
    await page.getByLabel(T.skills).fill('Prometheus, Grafana, Kubernetes');
    await page.getByRole('button', { name: T.save, exact: true }).click();

    // The form comes back with the error beside its field and everything typed kept.
    const salaryTo = page.getByLabel(T.salaryTo);
    await expect(salaryTo).toHaveAttribute('aria-invalid', 'true');
    await expect(salaryTo).toHaveAccessibleDescription(T.salaryOrder);
    await expect(page.getByRole('alert')).toContainText(T.salaryOrder);
    await expect(page.getByLabel(T.jobTitle)).toHaveValue(title);
    await expect(page.getByLabel(T.salaryFrom)).toHaveValue('90000');
    await expect(salaryTo).toHaveValue('70000');
    await expect(page.getByLabel(T.category)).toHaveValue('devops');
    await expect(page.getByLabel(T.responsibilities[0])).toHaveValue(T.responsibilities[2]);
    await site.check('invalid', { status: 422 });

    // The summary links each error to its field.
    await page.getByRole('alert').getByRole('link', { name: T.salaryOrder }).click();
    await expect(page).toHaveURL(/#f-salary_max$/);

    // Fix it and save.
    await salaryTo.fill('110000');
    await page.getByRole('button', { name: T.save, exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: T.saved })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    // The status badge (the Languages box lists the same status in its table too).
    await expect(page.locator('span.status', { hasText: T.draft })).toBeVisible();
    await site.check('saved');

    // Publish.
    await page.getByRole('button', { name: T.publish, exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: T.published })).toBeVisible();
    await site.check('published');

    // The public site finds it by keyword.
    await page.goto(T.board);
    await page.getByLabel(T.keywords).fill(keyword.toLowerCase());
    await page.getByRole('button', { name: T.show }).click();
    await expect(page.getByRole('heading', { level: 2, name: T.found(1, keyword.toLowerCase()) })).toBeVisible();
    await site.check('public-search');
    await page.getByRole('link', { name: title }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByRole('definition').filter({ hasText: T.salaryShown })).toBeVisible();
    const publicUrl = page.url();
    await site.check('public-vacancy');

    // Back in the admin, close it.
    await page.goto('/admin/vacancies');
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('button', { name: T.close, exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: T.closed })).toBeVisible();
    await site.check('closed');

    // Gone from public search; its page stays but says it is closed.
    await page.goto(`${T.board}?q=${encodeURIComponent(keyword.toLowerCase())}`);
    await expect(page.getByRole('heading', { level: 2, name: T.found(0, keyword.toLowerCase()) })).toBeVisible();
    await expect(page.getByText(T.noMatch)).toBeVisible();
    await expect(page.getByRole('link', { name: title })).toHaveCount(0);
    await site.check('public-gone');

    // Its page stays for people with old links, says it is closed and offers no application.
    await page.goto(publicUrl);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByText(T.closedPage)).toBeVisible();
    await site.check('public-closed');

    // The reports: each chart an image with a name, beside a table of the same figures.
    await page.goto('/admin');
    await page.getByRole('navigation', { name: T.mainNav }).getByRole('link', { name: T.reports }).click();
    await expect(page.getByRole('heading', { level: 1, name: T.reports })).toBeVisible();
    await expect(page.getByRole('img', { name: T.chart })).toBeVisible();
    await expect(page.getByRole('table', { name: T.chartTable })).toBeVisible();
    await site.check('reports');

    // Sign out.
    await page.goto('/admin');
    await page.getByRole('button', { name: T.signOut }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in for recruiters' })).toBeVisible();
  });
});
