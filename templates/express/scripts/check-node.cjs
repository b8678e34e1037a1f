// Is this Node.js one the project supports? `make install` (and every other make
// command) asks first, so an unsupported Node gets one clear line instead of npm's
// or a native module's errors. The supported versions are package.json's "engines",
// which npm enforces too (.npmrc sets engine-strict). CommonJS and plain syntax on
// purpose: this script must run on any Node, even one far too old for the project.
const fs = require('fs');
const path = require('path');

const RECOMMENDED =
  'install Node.js 24 LTS from https://nodejs.org/en/download (or: nvm install 24)';

// The forms package.json uses: "^22.13.0" (22.13 or a later 22) and ">=24".
function satisfies(version, range) {
  return range.split('||').some((alternative) => {
    const match = /^\s*(\^|>=)\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?\s*$/.exec(alternative);
    if (!match) return true; // a form we do not read: let npm judge it
    const wanted = [match[2], match[3] || 0, match[4] || 0].map(Number);
    if (match[1] === '^' && version[0] !== wanted[0]) return false;
    for (let i = 0; i < 3; i += 1) {
      if (version[i] !== wanted[i]) return version[i] > wanted[i];
    }
    return true;
  });
}

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));
const range = (manifest.engines && manifest.engines.node) || '';
const version = process.versions.node.split('.').map(Number);
if (range && !satisfies(version, range)) {
  console.error(
    `Node.js ${process.versions.node} is not supported by this project ` +
      `(package.json "engines": ${range}): ${RECOMMENDED}`,
  );
  process.exit(1);
}
