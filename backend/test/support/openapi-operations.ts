/** The slice of an OpenAPI 3 document the route fuzzer reads. */
export interface SchemaObject {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, SchemaObject>;
  required?: string[];
  items?: SchemaObject;
  allOf?: SchemaObject[];
  oneOf?: SchemaObject[];
  anyOf?: SchemaObject[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  example?: unknown;
  default?: unknown;
}

interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: SchemaObject;
}

export interface OpenApiDocument {
  paths: Record<
    string,
    Record<string, { parameters?: ParameterObject[]; requestBody?: { content: Record<string, { schema?: SchemaObject }> } }>
  >;
  components?: { schemas?: Record<string, SchemaObject> };
}

export interface Operation {
  method: string;
  /** The documented template, e.g. /api/v1/tenders/{id}. */
  path: string;
  pathParams: { name: string; schema: SchemaObject }[];
  queryParams: { name: string; schema: SchemaObject }[];
  /** 'json', 'multipart' or null when the operation takes no body. */
  bodyKind: 'json' | 'multipart' | null;
  bodySchema: SchemaObject | null;
}

export const operationKey = (op: { method: string; path: string }) => `${op.method.toUpperCase()} ${op.path}`;

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

export function listOperations(doc: OpenApiDocument): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!HTTP_METHODS.has(method)) continue;
      const params = op.parameters ?? [];
      const content = op.requestBody?.content ?? {};
      const bodyKind = content['multipart/form-data'] ? 'multipart' : content['application/json'] ? 'json' : null;
      ops.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => ({ name: p.name, schema: p.schema ?? {} })),
        queryParams: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema ?? {} })),
        bodyKind,
        bodySchema: bodyKind ? (content[bodyKind === 'json' ? 'application/json' : 'multipart/form-data'].schema ?? null) : null,
      });
    }
  }
  return ops;
}

/** Follows #/components/schemas/X; an unresolvable reference (a gap in the document) comes back as null. */
export function resolveSchema(doc: OpenApiDocument, schema: SchemaObject | undefined): SchemaObject | null {
  let s = schema;
  for (let hops = 0; s?.$ref && hops < 20; hops++) {
    const name = s.$ref.replace('#/components/schemas/', '');
    s = name ? doc.components?.schemas?.[name] : undefined;
  }
  if (!s) return null;
  if (s.allOf?.length === 1 && !s.properties) return resolveSchema(doc, s.allOf[0]);
  return s;
}

/**
 * References in what clients send (request bodies and parameters) that point nowhere: a field whose shape
 * a client cannot know, and the fuzzer cannot derive.
 */
export function danglingRequestRefs(doc: OpenApiDocument): string[] {
  const found = new Set<string>();
  const seen = new Set<unknown>();
  const walk = (node: unknown, where: string) => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    for (const [k, v] of Object.entries(node)) {
      if (k !== '$ref' || typeof v !== 'string') walk(v, `${where}/${k}`);
      else if (!resolveSchema(doc, { $ref: v })) found.add(`${where} → "${v}"`);
      else walk(doc.components?.schemas?.[v.replace('#/components/schemas/', '')], v);
    }
  };
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item))
      walk({ parameters: op.parameters, requestBody: op.requestBody }, `${method.toUpperCase()} ${path}`);
  }
  return [...found];
}

/**
 * A value the schema accepts, as far as the schema says. `known` supplies real values for a field by name
 * (ids of existing records, a live revision) or for a whole body whose schema the document lacks.
 */
export function exampleFor(doc: OpenApiDocument, schema: SchemaObject | undefined, known: (field: string) => unknown, field = ''): unknown {
  const s = resolveSchema(doc, schema);
  if (s?.example !== undefined) return s.example;
  const fromKnown = field ? known(field) : undefined;
  if (fromKnown !== undefined) return fromKnown;
  if (!s) return {};
  if (s.enum?.length) return s.enum[0];
  if (s.default !== undefined) return s.default;
  const type = s.type ?? (s.properties ? 'object' : undefined);
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [name, prop] of Object.entries(s.properties ?? {})) out[name] = exampleFor(doc, prop, known, name);
      return out;
    }
    case 'array':
      return [exampleFor(doc, s.items, known, field)];
    case 'number':
    case 'integer':
      return s.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string':
      if (s.format === 'email') return 'fuzz.reader@example.test';
      if (s.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
      if (s.format === 'date-time') return new Date(Date.now() + 86_400_000).toISOString();
      return 'x'.repeat(Math.max(s.minLength ?? 0, 12));
    default:
      return null;
  }
}
