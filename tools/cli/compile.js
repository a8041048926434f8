'use strict';
// Compiles TypeScript sources file by file with SWC, keeping decorator metadata (Nest and TypeORM need it; tsc does
// the type checking separately). Shared by the backend's build (backend/build.mjs) and the command lines' builds.
const { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } = require('node:fs');
const { dirname, join, relative } = require('node:path');

/** The folders compiled for a target: `libs/*` stands for every library's src folder. */
function sourceRoots(root, roots) {
  return roots.flatMap((dir) =>
    dir === 'libs/*/src'
      ? readdirSync(join(root, 'libs'))
          .map((lib) => `libs/${lib}/src`)
          .filter((d) => isDirectory(join(root, d)))
      : [dir],
  );
}

function isDirectory(path) {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

const isSource = (name) => name.endsWith('.ts') && !name.endsWith('.spec.ts') && !name.endsWith('.d.ts');

/** Every source file under the roots, with its stat (the freshness check needs nothing more). */
function sourceFiles(root, roots) {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (isSource(entry.name)) files.push({ path, stat: statSync(path) });
    }
  };
  for (const dir of sourceRoots(root, roots)) walk(join(root, dir));
  return files;
}

/**
 * Writes each source as out/<its path from root>.js, so the compiled tree mirrors the sources and the path
 * aliases (compiled to relative requires) resolve inside it. Resolves to the number of files written.
 */
async function compileTree({ root, roots, out, sourceMaps = false }) {
  const { transformFile } = require('@swc/core');
  const swcrc = JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8'));
  const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
  const files = sourceFiles(root, roots);
  await Promise.all(
    files.map(async ({ path }) => {
      const { code, map } = await transformFile(path, {
        ...swcrc,
        swcrc: false,
        filename: path,
        sourceMaps,
        jsc: { ...swcrc.jsc, baseUrl: root, paths: compilerOptions.paths },
      });
      const target = join(out, relative(root, path)).replace(/\.ts$/, '.js');
      mkdirSync(dirname(target), { recursive: true });
      if (map) {
        writeFileSync(target, `${code}\n//# sourceMappingURL=${target.split('/').pop()}.map`);
        writeFileSync(`${target}.map`, map);
      } else writeFileSync(target, code);
    }),
  );
  return files.length;
}

module.exports = { compileTree, sourceFiles };
