// The W3C Nu Html Checker (vnu-jar) over the raw server HTML of every page the other projects
// visited: zero errors. Runs last (see `dependencies` in playwright.config.js).
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { test, expect } = require('@playwright/test');
const paths = require('./support/paths');

test('every visited page is valid HTML', async () => {
  const files = fs.readdirSync(paths.html).filter((f) => f.endsWith('.html')).sort();
  // The journeys and the template tour save dozens of pages; a handful means they did not run.
  expect(files.length).toBeGreaterThan(20);
  const jar = require.resolve('vnu-jar/build/dist/vnu.jar');
  let out;
  try {
    out = execFileSync('java', ['-jar', jar, '--format', 'json', '--stdout', ...files.map((f) => path.join(paths.html, f))], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (e) {
    // vnu exits 1 when it finds errors; the report is still on stdout.
    if (!e.stdout) throw e;
    out = e.stdout;
  }
  const { messages } = JSON.parse(out);
  const errors = messages.filter((m) => m.type === 'error' || m.subType === 'fatal');
  // One line per distinct message, with where it first occurs: a template error repeats on every page.
  const summarise = (list) => {
    const seen = new Map();
    for (const m of list) {
      const where = `${path.basename(m.url || '')}:${m.lastLine || '?'}`;
      const entry = seen.get(m.message) || { count: 0, where, extract: (m.extract || '').replace(/\s+/g, ' ').trim() };
      entry.count += 1;
      seen.set(m.message, entry);
    }
    return [...seen].map(([msg, e]) => `${e.count}× ${msg}\n    first at ${e.where}: ${e.extract}`);
  };
  for (const line of summarise(messages.filter((m) => !errors.includes(m)))) console.log(`vnu note: ${line}`);
  console.log(`vnu: ${files.length} pages, ${errors.length} errors`);
  const report = summarise(errors);
  expect(report, report.join('\n')).toEqual([]);
});
