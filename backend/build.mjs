// Compiles the backend and the libraries it imports with SWC (keeps decorator metadata, which Nest
// and TypeORM need; tsc does the type checking separately) into dist/backend.
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist/backend');
// The same compilation as the command lines' (npm run pack) builds.
const { compileTree } = createRequire(import.meta.url)('../tools/cli/compile.js');

rmSync(out, { recursive: true, force: true });
const count = await compileTree({ root, roots: ['backend/src', 'libs/*/src'], out, sourceMaps: true });
writeFileSync(join(out, 'main.js'), "require('./backend/src/main.js');\n");
console.log(`backend: compiled ${count} files into ${relative(root, out)}`);
