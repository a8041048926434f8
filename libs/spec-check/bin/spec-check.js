#!/usr/bin/env node
'use strict';
// Runs the CLI from JavaScript compiled into dist/cli (by postinstall, or here on first use and after any source
// change: see tools/cli/compiled.js); from the TypeScript sources through @swc-node/register when it cannot be built.
// Nothing but the result is written to stdout; diagnostics go to stderr.
const path = require('node:path');
const { compiledEntry } = require('../../../tools/cli/compiled');

function fromSources() {
  const root = path.resolve(__dirname, '..', '..', '..');
  process.env.SWC_NODE_PROJECT = path.join(root, 'tsconfig.base.json');
  require(require.resolve('@swc-node/register', { paths: [root] }));
  return require('../src/cli/main.ts');
}

compiledEntry('spec-check', 'libs/spec-check/src/cli/main.ts', 'spec-check')
  .then((file) => (file ? require(file) : fromSources()).main(process.argv.slice(2)))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`spec-check: ${err && err.stack ? err.stack : err}\n`);
      process.exitCode = 1;
    },
  );
