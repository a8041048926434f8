#!/usr/bin/env node
// npm run pack -- --tender REF --out FILE: runs from JavaScript compiled into dist/cli (by postinstall, or here on
// first use and after any source change: see tools/cli/compiled.js); from the TypeScript sources when it cannot be built.
const { resolve } = require('node:path');
const { compiledEntry } = require('../../tools/cli/compiled');

compiledEntry('backend', 'backend/src/cli/pack.ts', 'pack')
  .then((file) => {
    if (file) return require(file);
    process.env.SWC_NODE_PROJECT = resolve(__dirname, '../tsconfig.json');
    require('@swc-node/register');
    require('../src/cli/pack.ts');
  })
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
