#!/usr/bin/env node
// npm run pack -- --tender REF --out FILE: loads the TypeScript entry point directly (no build step).
const { resolve } = require('node:path');
process.env.SWC_NODE_PROJECT = resolve(__dirname, '../tsconfig.json');
require('@swc-node/register');
require('../src/cli/pack.ts');
