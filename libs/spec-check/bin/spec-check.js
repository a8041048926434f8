#!/usr/bin/env node
'use strict';
// Runs the TypeScript CLI directly (no build step) through @swc-node/register, using the root tsconfig.
// Nothing but the result is written to stdout; diagnostics go to stderr.
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..', '..');
process.env.SWC_NODE_PROJECT = path.join(root, 'tsconfig.base.json');
require(require.resolve('@swc-node/register', { paths: [root] }));

const { main } = require('../src/cli/main.ts');

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`spec-check: ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 1;
  },
);
