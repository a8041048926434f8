// Compiles the backend and the libraries it imports with SWC (keeps decorator metadata, which Nest
// and TypeORM need; tsc does the type checking separately) into dist/backend.
import { transformFile } from '@swc/core';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist/backend');
const swcrc = JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8'));
const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));

function* sources(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (path.endsWith('.ts') && !path.endsWith('.spec.ts') && !path.endsWith('.d.ts')) yield path;
  }
}

const roots = [
  join(root, 'backend/src'),
  ...readdirSync(join(root, 'libs'))
    .map((lib) => join(root, 'libs', lib, 'src'))
    .filter((dir) => {
      try {
        return statSync(dir).isDirectory();
      } catch {
        return false;
      }
    }),
];

rmSync(out, { recursive: true, force: true });
let count = 0;
await Promise.all(
  roots
    .flatMap((dir) => [...sources(dir)])
    .map(async (file) => {
      const { code, map } = await transformFile(file, {
        ...swcrc,
        swcrc: false,
        filename: file,
        sourceMaps: true,
        jsc: { ...swcrc.jsc, baseUrl: root, paths: compilerOptions.paths },
      });
      const target = join(out, relative(root, file)).replace(/\.ts$/, '.js');
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, `${code}\n//# sourceMappingURL=${target.split('/').pop()}.map`);
      if (map) writeFileSync(`${target}.map`, map);
      count++;
    }),
);
writeFileSync(join(out, 'main.js'), "require('./backend/src/main.js');\n");
console.log(`backend: compiled ${count} files into ${relative(root, out)}`);
