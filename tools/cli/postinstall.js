'use strict';
// npm ci's postinstall: compiles the command lines before their first use (see compiled.js). A production install
// (npm ci --omit=dev) has no SWC and needs no command line, so there it does nothing; it never fails an install.
const { TARGETS, prepare } = require('./compiled');
const { relative } = require('node:path');

async function postinstall() {
  try {
    require.resolve('@swc/core');
  } catch {
    console.log('cli: no @swc/core (a production install): the command lines are not compiled');
    return;
  }
  for (const target of Object.keys(TARGETS)) {
    try {
      const build = await prepare(target);
      console.log(`cli: ${target} compiled into ${relative(process.cwd(), build)}`);
    } catch (error) {
      const reason = String(error && error.message ? error.message : error).split('\n')[0];
      console.log(`cli: ${target} not compiled (${reason}); it will be built on first use, or run from its sources`);
    }
  }
}

postinstall().catch(() => undefined);
