// The `site` fixture: after each step of a journey, `site.check(step)` saves a full-page
// screenshot and the raw server HTML, and checks what every page must get right (one h1, lang,
// skip link, no horizontal scrolling at 360 px, axe in light and dark, no console errors).
const fs = require('node:fs');
const path = require('node:path');
const base = require('@playwright/test');
const paths = require('./paths');
const { ENGLISH_UI, ENGLISH_ADMIN_UI } = require('./lang');

const { expect } = base;
const AXE = require.resolve('axe-core/axe.min.js');
const PHONE_WIDTH = 360;

class Site {
  constructor(page, browser, testInfo, journey, lang) {
    this.page = page;
    // The journey's language; pages outside `/{lang}/…` (the admin) are English until the
    // journey switches the admin user's language (`site.adminLang = 'es'`).
    this.lang = lang;
    this.adminLang = 'en';
    this.browser = browser;
    this.variant = testInfo.project.name;
    this.journey = journey;
    this.viewport = testInfo.project.use.viewport;
    this.isMobile = Boolean(testInfo.project.use.isMobile);
    this.lastDocument = null;
    this.problems = [];
    this.steps = [];
    // Keep the bytes the server sent for each main-frame document (POST results included):
    // page.content() is the DOM after parsing, which would hide markup errors from the validator.
    page.on('response', (response) => {
      const request = response.request();
      if (request.resourceType() !== 'document' || response.frame() !== page.mainFrame()) return;
      const status = response.status();
      if (status >= 300 && status < 400) return;
      this.lastDocument = {
        url: response.url(),
        status,
        contentType: response.headers()['content-type'] || '',
        body: response.body().catch((e) => Promise.reject(new Error(`no body for ${response.url()}: ${e}`))),
      };
      this.lastDocument.body.catch(() => {});
    });
    // CSP violations and script errors show up here.
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      // A 401/404/422 document is expected where check() asserts its status; anything else
      // (a stylesheet, an icon, a CSP refusal) is a problem.
      const bare = (u) => (u || '').split('#')[0];
      if (msg.text().startsWith('Failed to load resource') && bare(msg.location().url) === bare(this.lastDocument?.url)) return;
      this.problems.push(`console error on ${page.url()}: ${msg.text()} ${msg.location().url || ''}`);
    });
    page.on('pageerror', (err) => this.problems.push(`page error on ${page.url()}: ${err.message}`));
  }

  /** Screenshot, raw HTML and the per-page checks for the page now shown. */
  async check(step, { status = 200 } = {}) {
    const { page } = this;
    await page.waitForLoadState('load');
    const name = `${this.journey}-${this.variant}-${String(this.steps.length + 1).padStart(2, '0')}-${step}`;
    this.steps.push(name);
    await page.screenshot({ path: path.join(paths.screenshots, `${name}.png`), fullPage: true });

    const doc = this.lastDocument;
    expect(doc, `no document response recorded for ${name}`).toBeTruthy();
    // A page restored from the back/forward cache sends no response: never check stale bytes.
    const bare = (u) => u.split('#')[0];
    expect(bare(doc.url), `${name}: the recorded document is not the page shown`).toBe(bare(page.url()));
    expect(doc.status, `HTTP status of ${doc.url}`).toBe(status);
    expect(doc.contentType).toContain('text/html');
    const html = await doc.body;
    fs.writeFileSync(path.join(paths.html, `${name}.html`), html);

    // Structure every page shares.
    // The page's language is its address's (`/es/…`); the admin area's is the user's choice.
    const pathname = new URL(doc.url).pathname;
    const prefix = pathname.match(/^\/(en|es)(\/|$)/);
    const pageLang = prefix ? prefix[1] : this.adminLang;
    const spanish = pageLang === 'es';
    await expect(page.locator('html')).toHaveAttribute('lang', pageLang);
    await expect(page.getByRole('heading', { level: 1 }), `${name}: exactly one h1`).toHaveCount(1);
    // includeHidden: the skip link is off screen until focused, and gone in print.
    const skipText = spanish ? 'Saltar al contenido' : 'Skip to content';
    const skip = page.getByRole('link', { name: skipText, includeHidden: true });
    await expect(skip).toHaveAttribute('href', '#main');
    await expect(page.getByRole('main')).toHaveAttribute('id', 'main');
    await expect(page).toHaveTitle(/\S/);
    // Sensible outline: the h1 comes first and no level is skipped on the way down.
    const levels = await page.getByRole('heading').evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
    expect.soft(levels[0], `${name}: the first heading is not the h1`).toBe(1);
    const skips = levels.filter((l, i) => i > 0 && l > levels[i - 1] + 1);
    expect.soft(skips, `${name}: heading levels skip (${levels.join(' ')})`).toEqual([]);

    if (this.viewport && this.viewport.width <= PHONE_WIDTH) {
      const width = await page.evaluate(() => document.scrollingElement.scrollWidth);
      expect.soft(width, `${name}: the page scrolls sideways at ${this.viewport.width} px`).toBeLessThanOrEqual(PHONE_WIDTH);
    }

    // A Spanish journey's pages carry no English interface text.
    if (spanish && this.lang === 'es') await this.speaksSpanish(name, prefix ? ENGLISH_UI : ENGLISH_ADMIN_UI);

    await this.axe(name, doc.url, html, doc.status);
  }

  /** None of the `english` interface texts is on the page now shown (nor in its title). */
  async speaksSpanish(name, english = ENGLISH_UI) {
    const text = `${await this.page.title()}\n${await this.page.locator('body').innerText()}`;
    const leaks = english.filter((e) => text.includes(e));
    expect.soft(leaks, `${name}: English interface text on a Spanish page`).toEqual([]);
  }

  /**
   * axe-core on the same bytes, in a separate context that bypasses the CSP (the site allows no
   * inline script, and axe has to be injected), in light and in dark colour schemes.
   */
  async axe(name, url, html, status) {
    const context = await this.browser.newContext({
      bypassCSP: true,
      javaScriptEnabled: true,
      viewport: this.viewport,
      isMobile: this.isMobile,
      colorScheme: 'light',
      reducedMotion: 'reduce',
    });
    try {
      const page = await context.newPage();
      let served = false;
      await page.route((u) => !served && u.href === url, (route) => {
        served = true;
        return route.fulfill({ status, contentType: 'text/html; charset=utf-8', body: html });
      });
      await page.goto(url);
      await page.addScriptTag({ path: AXE });
      const failures = [];
      for (const scheme of ['light', 'dark']) {
        await page.emulateMedia({ colorScheme: scheme });
        const result = await page.evaluate(async () =>
          // eslint-disable-next-line no-undef
          axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } }),
        );
        for (const v of result.violations) {
          const line = `${name} [${scheme}] ${v.impact} ${v.id}: ${v.help} — ${v.nodes
            .slice(0, 5)
            .map((n) => n.target.join(' ') + (n.failureSummary ? ` (${n.failureSummary.replace(/\s+/g, ' ')})` : ''))
            .join('; ')}`;
          if (v.impact === 'critical' || v.impact === 'serious') failures.push(line);
          else console.log(`axe note: ${line}`);
        }
      }
      expect.soft(failures, `axe: critical or serious violations\n${failures.join('\n')}`).toEqual([]);
    } finally {
      await context.close();
    }
  }

  /** Signs in as the suite's administrator on the sign-in page now shown. */
  async signIn() {
    const { page } = this;
    await page.getByLabel('Email').fill(process.env.CAREERS_ADMIN_EMAIL);
    await page.getByLabel('Password').fill(process.env.CAREERS_ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  /**
   * People take longer than the server's minimum fill time (MIN_FILL_SECONDS, set by
   * tests/browser.rs) between seeing a public form and sending it; a test has to wait for it.
   */
  async pauseLikeAPerson() {
    const seconds = Number(process.env.CAREERS_MIN_FILL_SECONDS || 3);
    await this.page.waitForTimeout(seconds * 1000 + 200);
  }

  /** Fails on console errors (CSP violations, script errors) seen during the test. */
  finish() {
    expect(this.problems, this.problems.join('\n')).toEqual([]);
  }
}

/** `test` with a `site` fixture; the journey name comes from `test.use({ journey: '...' })`. */
const test = base.test.extend({
  journey: ['page', { option: true }],
  lang: ['en', { option: true }],
  site: async ({ page, browser, journey, lang }, use, testInfo) => {
    const site = new Site(page, browser, testInfo, journey, lang);
    await use(site);
    site.finish();
  },
});

/** Spanish runs on desktop, and on the `extraSpanish` projects; English on every project. */
const SPANISH_PROJECTS = ['desktop'];

/**
 * Declares a journey once per language: `body(lang)` declares its test and takes the texts it
 * uses from its own table, by language.
 */
function eachLanguage(journey, { extraSpanish = [] } = {}, body) {
  for (const lang of ['en', 'es']) {
    test.describe(lang === 'en' ? 'in English' : 'in Spanish', () => {
      test.use({ journey: `${journey}-${lang}`, lang });
      if (lang !== 'en') {
        const projects = [...SPANISH_PROJECTS, ...extraSpanish];
        // eslint-disable-next-line no-empty-pattern
        test.beforeEach(({}, testInfo) => {
          testInfo.skip(!projects.includes(testInfo.project.name), `Spanish runs on ${projects.join(', ')}`);
        });
      }
      body(lang);
    });
  }
}

module.exports = { test, expect, eachLanguage };
