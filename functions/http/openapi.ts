/**
 * The OpenAPI 3.1 description of the API, generated from the contract (shared/contract.ts) with
 * zod's own JSON Schema output (draft 2020-12, the dialect of OpenAPI 3.1). Built once per process,
 * on the first request for it.
 */
import * as z from 'zod/mini';
import { AUDIENCE_WORDS } from '#shared/access.ts';
import { API_PREFIX } from '#shared/api.ts';
import { CONTRACT, type RouteSpec, splitKey, TAGS, type Tag } from '#shared/contract.ts';
import { PROBLEM_STATUS } from '#shared/refusals.ts';

type Json = Record<string, unknown>;

/** A request schema as JSON Schema: what a client sends (before defaults and coercion). */
function jsonSchema(schema: z.ZodMiniType): Json {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    // Refinements and transforms check more than JSON Schema can say; the handler checks them.
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }) as Json;
  return rest;
}

const PROBLEM_REF = { $ref: '#/components/schemas/Problem' };

/** Refusals a route can give, by what it takes and whom it serves. */
function problems(spec: RouteSpec): Record<string, string> {
  const out: Record<string, string> = {};
  const takesInput = spec.body || spec.query || Object.keys(spec.params ?? {}).length > 0;
  if (takesInput) out['400'] = 'The request is not valid (see `fields`).';
  if (spec.audience !== 'anyone') out['401'] = 'No valid token (sign in).';
  if (!['anyone', 'tokenHolder', 'signedIn'].includes(spec.audience)) out['403'] = 'The caller may not do this.';
  out['404'] = 'Not found, or not visible to the caller.';
  if (spec.write) out['409'] = 'Changed by someone else meanwhile (`current` holds the latest).';
  if (spec.body) {
    out['413'] = 'The request is larger than 256 KB.';
    out['415'] = 'The body is not JSON.';
  }
  if (spec.write) {
    out['422'] = 'The request is refused by a rule in the current state.';
    out['429'] = 'Too many changes in a short time (see Retry-After).';
  }
  out['503'] = 'Storage cannot be reached right now (see Retry-After).';
  return out;
}

function operationId(key: string): string {
  // 'POST /orders/:number/inputs/:inputId' → postOrdersNumberInputsInputId
  const words = key
    .replace(/[:{}]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1))).join('');
}

function build(): Json {
  const schemas: Record<string, Json> = {
    Problem: {
      type: 'object',
      description:
        'A refusal as problem details (RFC 9457): `code` names it for programs (the catalogue of shared/refusals.ts), ' +
        '`params` carry its values, `detail` says it in English, `fields` the refusals of single fields by their ' +
        'dotted path in the request; a conflict carries the `current` state.',
      properties: {
        type: { type: 'string', format: 'uri-reference' },
        title: { type: 'string' },
        status: { type: 'integer' },
        detail: { type: 'string' },
        code: { type: 'string', enum: Object.keys(PROBLEM_STATUS) },
        params: { type: 'object' },
        fields: {
          type: 'object',
          additionalProperties: {
            type: 'object',
            properties: { code: { type: 'string' }, params: { type: 'object' }, detail: { type: 'string' } },
            required: ['code', 'params', 'detail'],
          },
        },
        current: { description: 'On a conflict: the latest state of what was changed.' },
      },
      required: ['type', 'title', 'status', 'detail', 'code', 'params'],
    },
  };
  /** Request schemas by the name they were first given; one zod schema has one name. */
  const named = new Map<z.ZodMiniType, string>();
  const ref = (schema: z.ZodMiniType, name: string) => {
    let known = named.get(schema);
    if (!known) {
      known = name;
      named.set(schema, known);
      schemas[known] = jsonSchema(schema);
    }
    return { $ref: `#/components/schemas/${known}` };
  };

  const paths: Record<string, Record<string, Json>> = {};
  for (const [key, value] of Object.entries(CONTRACT)) {
    const spec: RouteSpec = value;
    const { method, path } = splitKey(key);
    const id = operationId(key);
    const parameters: Json[] = [];
    for (const [name, schema] of Object.entries(spec.params ?? {})) {
      parameters.push({ name, in: 'path', required: true, schema: jsonSchema(schema as z.ZodMiniType) });
    }
    if (spec.query) {
      const query = jsonSchema(spec.query) as { properties?: Record<string, Json>; required?: string[] };
      for (const [name, schema] of Object.entries(query.properties ?? {})) {
        parameters.push({ name, in: 'query', required: query.required?.includes(name) ?? false, schema });
      }
    }
    const response = spec.response;
    schemas[response.name] ??= {
      type: 'object',
      description: `${response.name}: the TypeScript type of the same name in shared/ (api.ts, model.ts).`,
    };
    const item = { $ref: `#/components/schemas/${response.name}` };
    const json = { schema: response.list ? { type: 'array', items: item } : item };
    const success: Json = { description: 'Success.', content: { 'application/json': json } };
    const responses: Record<string, Json> = { [String(spec.status ?? 200)]: success };
    for (const other of spec.also ?? []) {
      if (other.contentType && other.status === (spec.status ?? 200)) {
        success.description = `Success. ${other.description}`;
        (success.content as Json)[other.contentType] = { schema: { type: 'string' } };
      } else {
        responses[String(other.status)] = { description: other.description };
      }
    }
    for (const [status, description] of Object.entries(problems(spec))) {
      responses[status] = { description, content: { 'application/problem+json': { schema: PROBLEM_REF } } };
    }
    const words = AUDIENCE_WORDS[spec.audience];
    const operation: Json = {
      operationId: id,
      summary: spec.summary,
      description:
        `Audience \`${spec.audience}\`: ${words}` +
        (spec.write ? ' Counts against the per-person write limit (per link for signed links).' : '') +
        (spec.tokenScope ? ` An API token with the scope \`${spec.tokenScope}\` may call it.` : ''),
      tags: [spec.tag],
      'x-ordo-audience': spec.audience,
      security:
        spec.audience === 'anyone'
          ? []
          : spec.audience === 'apiToken'
            ? [{ apiToken: [spec.tokenScope ?? ''] }]
            : [spec.audience === 'tokenHolder' ? { providerToken: [] } : { ordoToken: [] }],
      ...(spec.tokenScope ? { 'x-ordo-token-scope': spec.tokenScope } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(spec.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: ref(spec.body, `${id[0]!.toUpperCase()}${id.slice(1)}Body`) } },
            },
          }
        : {}),
      responses,
    };
    const openPath = `${API_PREFIX}${path.replace(/:(\w+)/g, '{$1}')}`;
    paths[openPath] ??= {};
    paths[openPath][method.toLowerCase()] = operation;
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Ordo API',
      version: '1',
      description:
        'The back-office service-request API. Every route names its audience (`x-ordo-audience`); ' +
        'order- and department-level audiences are checked after the data is read, and what a caller ' +
        'may not see answers 404. Refusals are problem details (`application/problem+json`).',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    tags: (Object.entries(TAGS) as Array<[Tag, string]>).map(([name, description]) => ({ name, description })),
    paths,
    components: {
      schemas,
      securitySchemes: {
        ordoToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'The identity provider’s access token of a person with an Ordo profile (after POST /me/sign-in).',
        },
        apiToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'ordo_<id>_<secret>',
          description:
            'A service account’s API token, made by a department head; only the routes whose scope the token holds (orders:file, orders:read).',
        },
        providerToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'The identity provider’s access token; no Ordo profile is needed yet.',
        },
      },
    },
  };
}

let document: Json | undefined;

/** The document, built on first use and kept for the life of the process. */
export function openApiDocument(): Json {
  document ??= build();
  return document;
}
