// Where the suite writes what people and the validator look at afterwards.
const path = require('node:path');

const artifacts = process.env.CAREERS_ARTIFACTS || path.join(__dirname, '..', '..', '..', 'target');

module.exports = {
  screenshots: path.join(artifacts, 'browser-screenshots'),
  // Raw server HTML of every page visited, validated at the end by the Nu checker.
  html: path.join(artifacts, 'browser-html'),
};
