'use strict';
/*
 * The command lines (npm run spec-check, npm run pack) run from JavaScript compiled by SWC, so they start without
 * transpiling TypeScript. Each build lives in dist/cli/<target>/<stamp>/, where the stamp hashes the path, size and
 * modification time of every source it was compiled from: a stat walk finds whether the build is current, and a
 * source change gives a new stamp, so the first run after it builds again. A build is written to a temporary folder
 * and renamed into place, so a run never sees half a build and two runs starting at once cannot clash.
 *
 * OPENBRIEF_CLI_BUILD_DIR puts the builds elsewhere (tests; it must be inside the checkout, so that node_modules
 * resolves); OPENBRIEF_CLI_FROM_SOURCES=1 runs the TypeScript sources instead, as when no build can be written.
 */
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const { join, relative, resolve } = require('node:path');
const { compileTree, sourceFiles } = require('./compile');

const ROOT = resolve(__dirname, '..', '..');

/** The folders each target compiles (`libs/*` is every library's src folder). */
const TARGETS = {
  'spec-check': ['libs/spec-check/src'],
  backend: ['backend/src', 'libs/*/src'],
};

/** Besides the sources, a change to any of these changes what is compiled. */
const CONFIG = ['.swcrc', 'tsconfig.base.json', 'tools/cli/compile.js'];

/** An older build is removed once no run has used it for this long (a run may still be loading files from it). */
const KEEP_UNUSED_MS = 60 * 60 * 1000;

function buildDir(target) {
  const base = process.env.OPENBRIEF_CLI_BUILD_DIR;
  return join(base ? resolve(base) : join(ROOT, 'dist', 'cli'), target);
}

/** A hash of what the target is compiled from, by stat only: cheap enough to run at every start. */
function stamp(target) {
  const lines = sourceFiles(ROOT, TARGETS[target]).map(({ path, stat }) => `${relative(ROOT, path)} ${stat.size} ${stat.mtimeMs}`);
  for (const file of CONFIG) {
    const stat = fs.statSync(join(ROOT, file));
    lines.push(`${file} ${stat.size} ${stat.mtimeMs}`);
  }
  return createHash('sha256').update(lines.sort().join('\n')).digest('hex').slice(0, 16);
}

/** Builds the target into place unless it is current; resolves to the build's folder. */
async function prepare(target) {
  const dir = buildDir(target);
  const build = join(dir, stamp(target));
  if (fs.existsSync(build)) {
    markUsed(build);
    return build;
  }
  fs.mkdirSync(dir, { recursive: true });
  const tmp = fs.mkdtempSync(join(dir, '.tmp-'));
  try {
    await compileTree({ root: ROOT, roots: TARGETS[target], out: tmp });
    try {
      fs.renameSync(tmp, build);
    } catch (error) {
      // Another run finished the same build first: use its copy.
      if (!fs.existsSync(build)) throw error;
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  prune(dir, build);
  return build;
}

/** The build's modification time records its last use, which pruning reads; refreshed at most every few minutes. */
function markUsed(build) {
  try {
    if (Date.now() - fs.statSync(build).mtimeMs > KEEP_UNUSED_MS / 8) fs.utimesSync(build, new Date(), new Date());
  } catch {
    // A read-only checkout: the build stays, which is all that matters.
  }
}

function prune(dir, keep) {
  for (const name of fs.readdirSync(dir)) {
    const path = join(dir, name);
    try {
      if (path !== keep && Date.now() - fs.statSync(path).mtimeMs > KEEP_UNUSED_MS) fs.rmSync(path, { recursive: true, force: true });
    } catch {
      // Removed by another run meanwhile.
    }
  }
}

/**
 * The compiled path of `entry` (a .ts path from the checkout's root), built first if need be; or null, after a
 * one-line note on stderr, when it cannot be built, so that the caller runs the TypeScript sources instead.
 */
async function compiledEntry(target, entry, name) {
  if (process.env.OPENBRIEF_CLI_FROM_SOURCES === '1') return null;
  try {
    return join(await prepare(target), entry.replace(/\.ts$/, '.js'));
  } catch (error) {
    const reason = String(error && error.message ? error.message : error).split('\n')[0];
    process.stderr.write(`${name}: note: starting from the TypeScript sources (slower), as no compiled copy could be built: ${reason}\n`);
    return null;
  }
}

module.exports = { TARGETS, compiledEntry, prepare, stamp };
