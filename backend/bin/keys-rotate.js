#!/usr/bin/env node
// npm run keys:rotate: loads the TypeScript entry point directly (no build step).
const { resolve } = require('node:path');
process.env.SWC_NODE_PROJECT = resolve(__dirname, '../tsconfig.json');
require('@swc-node/register');
require('../src/cli/keys-rotate.ts');
