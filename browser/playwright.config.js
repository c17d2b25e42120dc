// Browser suite for careers. Started by `cargo test --test browser` (tests/browser.rs), which runs
// the real server and passes its address and an administrator account in the environment.
const path = require('node:path');
const { defineConfig } = require('@playwright/test');

const artifacts = process.env.CAREERS_ARTIFACTS || path.join(__dirname, '..', 'target');

// Debian's Chromium, never a downloaded browser; flags keep it quiet and offline.
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
};

const desktop = { viewport: { width: 1280, height: 800 } };
const journeys = /journeys\/.*\.spec\.js/;
// `CAREERS_SUITE=journeys` (tests/browser.rs on PostgreSQL): the journeys and the HTML checker
// over their pages, without the page tour.
const journeysOnly = process.env.CAREERS_SUITE === 'journeys';

module.exports = defineConfig({
  testDir: './tests',
  outputDir: path.join(artifacts, 'browser-results'),
  globalSetup: require.resolve('./tests/support/global-setup.js'),
  // Two cores shared with the server: one browser at a time, and no retries, so a failure is real.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: true,
  timeout: 120_000,
  globalTimeout: 20 * 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: process.env.CAREERS_BASE_URL,
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    launchOptions,
    locale: 'en-GB',
    // Playwright's own traces and screenshots are off: the suite saves its own per step.
    trace: 'off',
    screenshot: 'off',
  },
  projects: [
    // Each journey three times: desktop with JavaScript, desktop without, and a 360 px phone.
    { name: 'desktop', testMatch: journeys, use: { ...desktop } },
    { name: 'nojs', testMatch: journeys, use: { ...desktop, javaScriptEnabled: false } },
    {
      name: 'phone',
      testMatch: journeys,
      use: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
    },
    // Every template the demo can reach, keyboard focus and the skip link (desktop only).
    ...(journeysOnly ? [] : [{ name: 'pages', testMatch: /pages\.spec\.js/, use: { ...desktop } }]),
    // Last: the W3C Nu checker over the raw HTML of every page visited above.
    {
      name: 'html',
      testMatch: /validate\.spec\.js/,
      dependencies: ['desktop', 'nojs', 'phone', ...(journeysOnly ? [] : ['pages'])],
    },
  ],
});
