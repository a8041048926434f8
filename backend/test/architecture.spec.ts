import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ENTITIES } from '../src/entities';

/**
 * The backend's shape, read from its source (docs/architecture.md, "Modules and their tables"):
 * dependencies between modules point one way, `database/` is infrastructure that imports no module,
 * and each module registers and alone writes its own entities.
 */
const SRC = resolve(__dirname, '../src');

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (path.endsWith('.ts') && !path.endsWith('.spec.ts') && !path.endsWith('.d.ts')) yield path;
  }
}

/** Relative imports of a file (static, re-exports and dynamic), resolved to source files. */
function importsOf(file: string, text = readFileSync(file, 'utf8')): string[] {
  const specifiers = [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]);
  return specifiers.map((s) => {
    const base = resolve(dirname(file), s);
    for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) {
      try {
        if (statSync(candidate).isFile()) return candidate;
      } catch {
        // try the next form
      }
    }
    return `${base}.ts`;
  });
}

/**
 * The part of the backend a file belongs to: "modules/<name>", "common/<piece>" (guards, events, errors…
 * are separate pieces), "seed", "database", "config", "cli" or "app" (top-level files).
 */
function unitOf(file: string): string {
  const parts = relative(SRC, file).split('/');
  if (parts[0] === 'modules' || parts[0] === 'common') return `${parts[0]}/${parts[1]}`;
  return parts.length > 1 ? parts[0] : 'app';
}

type Graph = Map<string, Set<string>>;

/** Which unit imports which, with one importing file per edge (to name it in a failure). */
function unitGraph(files: Map<string, string>): { graph: Graph; via: Map<string, string> } {
  const graph: Graph = new Map();
  const via = new Map<string, string>();
  for (const [file, text] of files) {
    const from = unitOf(file);
    if (!graph.has(from)) graph.set(from, new Set());
    for (const target of importsOf(file, text)) {
      if (!target.startsWith(SRC)) continue;
      const to = unitOf(target);
      if (to === from) continue;
      graph.get(from)!.add(to);
      if (!via.has(`${from}->${to}`)) via.set(`${from}->${to}`, `${relative(SRC, file)} imports ${relative(SRC, target)}`);
    }
  }
  return { graph, via };
}

/** Every cycle's members (strongly connected components of more than one unit), by Tarjan's algorithm. */
export function cyclesOf(graph: Graph): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    indices.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, indices.get(w)!));
      }
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!indices.has(v)) visit(v);
  return found;
}

const files = new Map([...sources(SRC)].map((f) => [f, readFileSync(f, 'utf8')]));
const { graph, via } = unitGraph(files);
const moduleNames = [...graph.keys()].filter((u) => u.startsWith('modules/')).map((u) => u.slice('modules/'.length));

/** Entity classes declared in each module's `entities/` folder. */
const entitiesByModule = new Map(
  moduleNames.map((m) => [
    m,
    [...files]
      .filter(([f]) => f.startsWith(join(SRC, 'modules', m, 'entities') + '/'))
      .flatMap(([, text]) => [...text.matchAll(/@Entity\([^)]*\)\s*(?:@[\s\S]*?\s)?export class (\w+)/g)].map((x) => x[1])),
  ]),
);
const ownerOf = new Map([...entitiesByModule].flatMap(([m, names]) => names.map((n) => [n, m] as const)));

describe('architecture', () => {
  it('has no import cycle between modules (or between any parts of the backend)', () => {
    const cycles = cyclesOf(graph).map(
      (c) =>
        `${c.join(' ⇄ ')}:\n    ${c.flatMap((a) => c.filter((b) => via.has(`${a}->${b}`)).map((b) => via.get(`${a}->${b}`))).join('\n    ')}`,
    );
    expect(cycles).toEqual([]);
  });

  it('finds a cycle when there is one (the check bites)', () => {
    const withCycle: Graph = new Map([...graph].map(([k, v]) => [k, new Set(v)]));
    withCycle.get('modules/documents')!.add('modules/tenders');
    expect(cyclesOf(withCycle).some((c) => c.includes('modules/documents') && c.includes('modules/tenders'))).toBe(true);
  });

  it('keeps database/ to infrastructure: it imports no module, no seed, no entity list', () => {
    const allowed = new Set(['config']);
    const outside = [...(graph.get('database') ?? [])].filter((u) => !allowed.has(u));
    expect(outside.map((u) => via.get(`database->${u}`))).toEqual([]);
  });

  it('puts the demo seed at the top: no module, database or common code imports it', () => {
    const importers = [...graph].filter(([from, to]) => to.has('seed') && from !== 'app').map(([from]) => via.get(`${from}->seed`));
    expect(importers).toEqual([]);
  });

  it('has each module register its own entities with TypeOrmModule.forFeature, and no other module register them', () => {
    const problems: string[] = [];
    for (const m of moduleNames) {
      const moduleFile = [...files.keys()].find((f) => f === join(SRC, 'modules', m, `${m}.module.ts`));
      const registered = moduleFile
        ? [...files.get(moduleFile)!.matchAll(/forFeature\(\[([^\]]*)\]/g)].flatMap((x) =>
            x[1]
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean),
          )
        : [];
      for (const e of entitiesByModule.get(m) ?? []) if (!registered.includes(e)) problems.push(`${m} does not register its entity ${e}`);
      for (const e of registered)
        if (ownerOf.get(e) !== m) problems.push(`${m} registers ${e}, which belongs to ${ownerOf.get(e) ?? 'no module'}`);
    }
    expect(problems).toEqual([]);
  });

  it('lists every entity for processes without Nest (src/entities.ts)', () => {
    expect(ENTITIES.map((e) => e.name).sort()).toEqual([...ownerOf.keys()].sort());
  });

  it("has no module write another module's entities (insert, update, delete, upsert, save)", () => {
    const writes: string[] = [];
    for (const [file, text] of files) {
      const unit = unitOf(file);
      for (const m of text.matchAll(/\.(insert|update|delete|upsert|save|softDelete|increment|decrement)\(\s*([A-Z]\w*)\s*[,)]/g)) {
        const owner = ownerOf.get(m[2]);
        if (owner && unit !== `modules/${owner}`) writes.push(`${relative(SRC, file)} writes ${m[2]} (${owner}'s) with ${m[1]}`);
      }
    }
    expect(writes).toEqual([]);
  });

  it('gets repositories by injection or from the transaction, never from the data source directly', () => {
    const offenders = [...files]
      .filter(([f, text]) => unitOf(f).startsWith('modules/') && /\b(dataSource|ds)\.(getRepository|manager)\b/.test(text))
      .map(([f]) => relative(SRC, f));
    expect(offenders).toEqual([]);
  });
});
