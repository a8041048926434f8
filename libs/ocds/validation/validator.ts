import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codesOf } from './csv';
import { mergePatch } from './merge-patch';

/**
 * Validates OCDS releases and packages as the tests need (ajv is a development dependency, so this is for tests and
 * tools, never the app): the OCDS 1.1.5 release schema with each extension's release-schema.json applied as a JSON
 * Merge Patch, draft-04 with formats, and closed codelists enforced twice: the schema's enums, and the codes of the
 * codelist CSV named where the schema says `codelist` with `openCodelist: false`.
 */

export const SCHEMA_DIR = join(__dirname, '..', 'schema');
/** The order the patches apply in: the UK profile patches `lotDetails`, which the lots extension defines. */
export const EXTENSIONS = ['lots', 'awardCriteria', 'bid', 'uk'] as const;

const RELEASE_SCHEMA_ID = 'https://standard.open-contracting.org/schema/1__1__5/release-schema.json';
const VERSIONED_RELEASE_SCHEMA_ID = 'https://standard.open-contracting.org/schema/1__1__5/versioned-release-validation-schema.json';
/** Keywords OCDS schemas carry for documentation and merging; they validate nothing. */
const ANNOTATIONS = ['openCodelist', 'omitWhenMerged', 'wholeListMerge', 'versionId', 'deprecated'];

const readJson = (...parts: string[]) => JSON.parse(readFileSync(join(SCHEMA_DIR, ...parts), 'utf8')) as Record<string, unknown>;

export interface ExtendedSchema {
  schema: Record<string, unknown>;
  /**
   * Definitions the extensions refer to but define elsewhere (in extensions not copied here, e.g. the submission
   * terms extension's SubmissionTerms): stubbed as `{}`, so fields under them are not checked. Openbrief writes none.
   */
  stubbed: string[];
}

/** The release schema with the four extensions merged in. */
export function extendedReleaseSchema(): ExtendedSchema {
  let schema = readJson('release-schema.json');
  for (const name of EXTENSIONS)
    schema = mergePatch(schema, readJson('extensions', name, 'release-schema.json')) as Record<string, unknown>;
  const definitions = schema['definitions'] as Record<string, unknown>;
  const stubbed = [...new Set(refsIn(schema))].filter((name) => !(name in definitions)).sort();
  for (const name of stubbed) definitions[name] = {};
  return { schema, stubbed };
}

function refsIn(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(refsIn);
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === '$ref' && typeof value === 'string' && value.startsWith('#/definitions/')
      ? [value.slice('#/definitions/'.length)]
      : refsIn(value),
  );
}

/**
 * Every codelist's codes by file name: the core's, each extension's own (replacing a core list of the same name), and
 * `+name.csv` additions to `name.csv`.
 */
export function codelists(): Map<string, Set<string>> {
  const lists = new Map<string, Set<string>>();
  const read = (dir: string) =>
    (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.csv')) : []).map(
      (f) => [f, codesOf(readFileSync(join(dir, f), 'utf8'))] as const,
    );
  for (const [file, codes] of read(join(SCHEMA_DIR, 'codelists'))) lists.set(file, new Set(codes));
  for (const name of EXTENSIONS) {
    const entries = read(join(SCHEMA_DIR, 'extensions', name, 'codelists'));
    for (const [file, codes] of entries.filter(([f]) => !f.startsWith('+'))) lists.set(file, new Set(codes));
    for (const [file, codes] of entries.filter(([f]) => f.startsWith('+'))) {
      const base = file.slice(1);
      lists.set(base, new Set([...(lists.get(base) ?? []), ...codes]));
    }
  }
  return lists;
}

export interface OcdsProblem {
  path: string;
  message: string;
}

export class OcdsValidator {
  readonly stubbed: string[];
  /** Closed codelists the schema names whose CSV is not among the copied files: only their enum is checked. */
  readonly closedWithoutCsv = new Set<string>();
  private readonly release: ValidateFunction;
  private readonly releasePackage: ValidateFunction;
  private readonly recordPackage: ValidateFunction;

  constructor() {
    const { schema, stubbed } = extendedReleaseSchema();
    this.stubbed = stubbed;
    const lists = codelists();
    const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictTuples: false, strictRequired: false });
    addFormats(ajv);
    for (const keyword of ANNOTATIONS) if (!ajv.getKeyword(keyword)) ajv.addKeyword({ keyword });
    ajv.addKeyword({
      keyword: 'codelist',
      schemaType: 'string',
      errors: true,
      compile: (file: string, parent: Record<string, unknown>) => {
        const closed = parent['openCodelist'] === false;
        const codes = lists.get(file);
        if (closed && !codes) this.closedWithoutCsv.add(file);
        const check = (data: unknown): boolean => {
          check.errors = [];
          if (!closed || !codes) return true;
          const values = Array.isArray(data) ? data : [data];
          const bad = values.filter((v) => typeof v === 'string' && !codes.has(v));
          check.errors = bad.map((v) => ({
            keyword: 'codelist',
            message: `"${String(v)}" is not a code of the closed codelist ${file}`,
            params: { codelist: file, value: v },
          })) as Partial<ErrorObject>[];
          return bad.length === 0;
        };
        check.errors = [] as Partial<ErrorObject>[];
        return check;
      },
    });
    ajv.addSchema(schema, RELEASE_SCHEMA_ID);
    this.release = ajv.getSchema(RELEASE_SCHEMA_ID)!;
    this.releasePackage = ajv.compile(readJson('release-package-schema.json'));
    // Openbrief publishes no versioned releases: the record package schema's reference to their schema is left open.
    ajv.addSchema({}, VERSIONED_RELEASE_SCHEMA_ID);
    this.recordPackage = ajv.compile(readJson('record-package-schema.json'));
  }

  validateRelease(release: unknown): OcdsProblem[] {
    return this.run(this.release, release);
  }

  validateReleasePackage(pkg: unknown): OcdsProblem[] {
    return this.run(this.releasePackage, pkg);
  }

  /** Against OCDS 1.1.5's record package schema, whose releases and compiled release use the extended release schema. */
  validateRecordPackage(pkg: unknown): OcdsProblem[] {
    return this.run(this.recordPackage, pkg);
  }

  private run(validate: ValidateFunction, data: unknown): OcdsProblem[] {
    if (validate(data)) return [];
    return (validate.errors ?? []).map((e) => ({ path: e.instancePath || '/', message: `${e.message ?? e.keyword} (${e.schemaPath})` }));
  }
}

let shared: OcdsValidator | null = null;
/** One validator per process: compiling the schema takes a moment. */
export function ocdsValidator(): OcdsValidator {
  return (shared ??= new OcdsValidator());
}
