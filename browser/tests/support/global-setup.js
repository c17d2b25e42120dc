// Fresh artifact folders for each run, so stale screenshots or HTML never pass for new ones.
const fs = require('node:fs');
const paths = require('./paths');

module.exports = async () => {
  if (!process.env.CAREERS_BASE_URL) {
    throw new Error('CAREERS_BASE_URL is not set: run the suite through `cargo test --test browser`.');
  }
  for (const dir of [paths.screenshots, paths.html]) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
  }
};
