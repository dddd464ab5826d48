/**
 * Hostile requests against every route of the access table (SPEC §1, §10), sent in-process to the
 * real app on DynamoDB Local: random methods, broken or forged credentials, bodies that are not JSON,
 * JSON of the wrong shape, and well-shaped bodies carrying hostile values (huge, unicode, control
 * characters, markup, prototype keys, extreme numbers), garbage page cursors and limits.
 *
 * Invariants: no 5xx; every answer is JSON and every refusal is problem details (RFC 9457) with a code;
 * nothing pollutes Object.prototype; an order changes only when a request about it succeeded, and the
 * orders of people the callers cannot reach never change; what is stored passes the form validation.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '#functions/app.ts';
import { LinkSigner } from '#functions/auth/links.ts';
import { demoDepartments, demoServices, demoUsers } from '#functions/local/demo-data.ts';
import { MailDelivery } from '#functions/mail/delivery.ts';
import { silentLogger } from '#functions/observability/logger.ts';
import { ROUTES } from '#shared/access.ts';
import {
  API_PREFIX,
  type OrderSummary,
  type OrderView,
  type Page,
  type Problem,
  type UploadTicket,
} from '#shared/api.ts';
import { validateAnswers } from '#shared/forms.ts';
import { ACTIONS, REJECTION_REASONS } from '#shared/lifecycle.ts';
import { type FormField, type Order, PRIORITIES } from '#shared/model.ts';
import { MUTABLE_EVENTS } from '#shared/notifications.ts';
import { SERVICE_TEMPLATES } from '#shared/templates/index.ts';
import { craftToken } from '../support/tokens.ts';
import { createHarness, type Harness } from './harness.ts';

/**
 * Requests sent concurrently per property run, and runs: 8,000 requests in all. ORDO_FUZZ_SEED replays
 * a run (the seed is printed); ORDO_FUZZ_RUNS runs longer.
 */
const BATCH = 8;
const RUNS = Number(process.env.ORDO_FUZZ_RUNS ?? 1_000);
const SEED = Number(process.env.ORDO_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));

type Route = (typeof ROUTES)[number];
const keyOf = (route: Pick<Route, 'method' | 'path'>) => `${route.method} ${route.path}`;

// ---- markers replaced when a request is sent ----

/** The current version of the order (or service, department) the request is about. */
const VERSION = '@@version@@';
/** Numbers JSON.stringify cannot write. */
const RAW_NUMBERS: Record<string, string> = { '"@@inf@@"': '1e999', '"@@neginf@@"': '-1e999', '"@@negzero@@"': '-0' };

// ---- hostile values ----

const NASTY = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '</title><svg onload=alert(1)>',
  'javascript:alert(1)',
  '\u202Egnp.exe',
  '\u0631\u0633\u0627\u0644\u0629 RTL \u200F',
  'a\u200Bb\u200C\u200D\uFEFF',
  '🙂👍🏽👨‍👩‍👧🇵🇱',
  '\ud800',
  'x\udfffy',
  '\udc00\ud800',
  'a\u0000b',
  '\u0007\u001b[31mred',
  'line\r\nBcc: victim@example.com',
  '\u0085\u2028\u2029',
  '\u007f\u009b',
  '../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%00',
  '%2e%2e%2f',
  ['$', '{7*7}'].join(''),
  '{{7*7}}',
  "' OR '1'='1",
  '"; DROP TABLE orders; --',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'NaN',
  'Infinity',
  '-1',
  '1e308',
  '0x10',
  '',
  ' ',
  '\t\n',
  '2027-02-30',
  '2027-13-01',
  '0000-00-00',
  '2027-01-11T00:00:00+14:00',
  'null',
  'undefined',
  'ORDER#HR-0001',
  'USER#ada',
  'REQUESTER#ben',
  'QUEUE#HR',
  'uploads/anna/../ben/x.pdf',
  'uploads/ben/secret.pdf',
];

const controlOrSurrogate = fc.oneof(
  fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0x7f, max: 0x9f }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  fc.constantFrom('\u200B', '\u202E', '\u2028', '\uFEFF', '\uFFFF'),
  fc.constantFrom('a', 'Z', ' ', '<', '>'),
);

const bigString = fc
  .tuple(
    fc.constantFrom('a', '<script>', '🙂', '\u200B', '\ud800', 'ж', '\u0000', '"\\'),
    fc.integer({ min: 10_000, max: 300_000 }),
  )
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));

const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: controlOrSurrogate, minLength: 1, maxLength: 20 }) },
  { weight: 1, arbitrary: bigString },
);

function deep(depth: number, array: boolean): unknown {
  let value: unknown = array ? [] : {};
  for (let i = 0; i < depth; i++) value = array ? [value] : { a: value };
  return value;
}

const protoObjects = [
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"__proto__":{"admin":true,"memberships":{"HR":"head"}}}',
  '{"prototype":{"polluted":true},"toString":"x","valueOf":1}',
];

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileString },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      -1,
      0,
      1.5,
      1e308,
      -1e308,
      2 ** 53 + 1,
      Number.MIN_VALUE,
      '@@inf@@',
      '@@neginf@@',
      '@@negzero@@',
    ),
  },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [null], ['']) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 50, max: 3_000 }), fc.boolean()).map(([d, a]) => deep(d, a)) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...NASTY), { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.constantFrom(...protoObjects).map((json) => JSON.parse(json) as unknown) },
);

/** Mostly the valid value, sometimes a hostile one of the same type, sometimes anything. */
function mix<T>(valid: fc.Arbitrary<T>, sameType?: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 30, arbitrary: valid as fc.Arbitrary<unknown> },
    ...(sameType ? [{ weight: 4, arbitrary: sameType }] : []),
    { weight: 1, arbitrary: hostileValue },
  );
}
const mixString = (valid: fc.Arbitrary<string>) => mix(valid, hostileString);
/** Keys of a record: mostly known ids, sometimes hostile strings. */
const mixKey = (valid: fc.Arbitrary<string>) =>
  fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: hostileString });
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });
const versionArb = mix(
  fc.constant(VERSION),
  fc.constantFrom<unknown>(0, -1, 1, 2, 1.5, 2 ** 31, '1', null, 1e308, '@@inf@@'),
);

/** Drops keys whose value is undefined (optional fields left out). */
function compact(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}

// ---- valid values from the demo catalog ----

const SERVICES = demoServices;
const SERVICE_IDS = SERVICES.map((s) => s.id);
const FIELD_IDS = [...new Set(SERVICES.flatMap((s) => s.form.map((f) => f.id)))];
const INPUT_IDS = [...new Set(SERVICES.flatMap((s) => s.inputs.map((i) => i.id)))];
const DELIVERABLE_IDS = [...new Set(SERVICES.flatMap((s) => s.deliverables.map((d) => d.id)))];
const STAGE_IDS = [...new Set(SERVICES.flatMap((s) => s.stages.map((d) => d.id)))];
const USER_IDS = demoUsers.map((u) => u.id);
const DEPARTMENTS = demoDepartments.map((d) => d.code);

function validValue(field: FormField): fc.Arbitrary<unknown> {
  switch (field.kind) {
    case 'text':
      return fc.constantFrom('Jan Zieliński', 'SA-101', 'PL1234567890', '+48 600 700 800', 'B1, 2nd floor, 2.14');
    case 'longText':
      return fc.constantFrom('I need this to do my work, thank you.', 'Chair broken, leg missing.');
    case 'email':
      return fc.constantFrom('m@example.com', 'jan.zielinski@example.com');
    case 'number':
      return fc.integer({ min: Math.ceil(field.min ?? 0), max: Math.floor(Math.min(field.max ?? 1000, 1e6)) });
    case 'date':
      return fc.constantFrom('2027-01-11', '2027-03-01', '2028-02-29');
    case 'select':
      return fc.constantFrom(...(field.options ?? ['x']));
    case 'multiSelect':
      return fc.subarray(field.options ?? ['x'], { minLength: 1 });
    case 'checkbox':
      return fc.boolean();
    case 'user':
      return fc.constantFrom(...USER_IDS);
    case 'attachment':
      return fc.constantFrom('uploads/anna/2027/receipt.pdf', 'uploads/hana/x.pdf');
  }
}

function answersFor(form: readonly FormField[]): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(
      fc.tuple(
        ...form.map((field) =>
          fc.option(
            mix(
              validValue(field),
              field.kind === 'number' ? fc.constantFrom<unknown>(-1, 1e308, '5', '@@inf@@') : hostileString,
            ),
            { nil: undefined, freq: 20 },
          ),
        ),
      ),
      fc.option(fc.dictionary(mixKey(fc.constantFrom(...FIELD_IDS)), hostileValue, { maxKeys: 3 }), {
        nil: undefined,
        freq: 2,
      }),
    )
    .map(([values, extra]) => ({
      ...(extra ?? {}),
      ...compact(Object.fromEntries(form.map((field, i) => [field.id, values[i]]))),
    }));
}

const anyAnswers = fc.constantFrom(...SERVICES).chain((s) => answersFor(s.form));

// ---- bodies per route ----

const department = demoDepartments[0]!;
function departmentFields(): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .record({
      name: mixString(fc.constantFrom('Human Resources', 'People')),
      contactEmail: mixString(fc.constant(department.contactEmail)),
      headId: mixString(fc.constantFrom(...USER_IDS)),
      calendar: mix(
        fc.constantFrom(...demoDepartments.map((d) => d.calendar)),
        fc.constantFrom<unknown>(
          { ...department.calendar, holidays: ['2027-02-30'] },
          { ...department.calendar, timeZone: 'Mars/Olympus' },
          { ...department.calendar, hours: { '1': [{ start: '17:00', end: '09:00' }] } },
          { ...department.calendar, hours: { '8': [] } },
        ),
      ),
      canvas: mix(
        fc.constant(department.canvas),
        hostileString.map((s) => ({ ...department.canvas, value: s })),
      ),
    })
    .map(compact);
}

function serviceFields(): fc.Arbitrary<Record<string, unknown>> {
  return fc.constantFrom(...SERVICES).chain((service) => {
    const { id: _id, department: _department, ...body } = service;
    const key = fc.constantFrom(...Object.keys(body));
    return fc
      .tuple(fc.option(fc.tuple(key, hostileValue), { nil: undefined, freq: 2 }), fc.boolean())
      .map(([mutation, dropBundle]) => {
        const out: Record<string, unknown> = { ...body };
        if (dropBundle) delete out.bundle;
        if (mutation) out[mutation[0]] = mutation[1];
        return out;
      });
  });
}

function templateFor(route: Route): fc.Arbitrary<unknown> {
  switch (keyOf(route)) {
    case 'POST /me/sign-in':
      return fc.record({ idToken: mixString(fc.constantFrom('abc.def.ghi', 'x'.repeat(20))) });
    case 'POST /clarifications/:token':
      return fc
        .record({
          comment: mixString(fc.constantFrom('Fixed-term, until June.', 'It is for the bank.')),
          answers: opt(
            fc.oneof(
              fc.record({ contractType: mixString(fc.constantFrom('Permanent', 'Fixed-term', 'B2B')) }),
              fc.record({ purpose: mixString(fc.constantFrom('Bank', 'Visa', 'Other')) }),
              anyAnswers,
            ),
          ),
        })
        .map(compact);
    case 'PUT /me/preferences':
      return fc.record({ mutedEvents: mix(fc.subarray([...MUTABLE_EVENTS]), fc.array(hostileString)) });
    case 'POST /orders':
      return fc.constantFrom(...SERVICES).chain((service) =>
        fc
          .record({
            serviceId: mixString(fc.constant(service.id)),
            answers: mix(answersFor(service.form)),
            inputs: opt(
              fc.dictionary(
                mixKey(fc.constantFrom(...INPUT_IDS)),
                fc
                  .record({ note: opt(mixString(fc.constant('Handed over.'))), attachment: opt(hostileString) })
                  .map(compact),
                { maxKeys: 2 },
              ),
            ),
            priority: opt(mixString(fc.constantFrom(...PRIORITIES))),
            requesterId: opt(mixString(fc.constantFrom(...USER_IDS))),
          })
          .map(compact),
      );
    case 'POST /attachments':
      return fc.record({
        fileName: mixString(fc.constantFrom('receipt.pdf', 'scan.png')),
        contentType: mixString(fc.constantFrom('application/pdf', 'text/html', 'image/svg+xml')),
        size: mix(fc.integer({ min: 1, max: 10 * 1024 * 1024 }), fc.constantFrom<unknown>(0, -1, 1e308, 2 ** 40)),
      });
    case 'POST /orders/:number/comments':
      return fc
        .record({
          text: mixString(fc.constantFrom('Any news?', 'Thanks!')),
          visibility: opt(mixString(fc.constantFrom('public', 'internal'))),
        })
        .map(compact);
    case 'POST /orders/:number/transitions':
      return fc
        .record({
          action: mixString(fc.constantFrom(...ACTIONS)),
          version: versionArb,
          comment: opt(mixString(fc.constantFrom('Which team?', 'Done.', 'Not needed any more.'))),
          reason: opt(mixString(fc.constantFrom(...REJECTION_REASONS))),
          assigneeId: opt(mixString(fc.constantFrom(...USER_IDS))),
          fields: opt(fc.array(mixString(fc.constantFrom(...FIELD_IDS)), { maxLength: 3 })),
          inputs: opt(fc.array(mixString(fc.constantFrom(...INPUT_IDS)), { maxLength: 3 })),
          answers: opt(anyAnswers),
        })
        .map(compact);
    case 'POST /orders/:number/inputs/:inputId':
    case 'POST /orders/:number/deliverables/:deliverableId':
      return fc
        .record({
          version: versionArb,
          done: mix(fc.boolean()),
          note: opt(mixString(fc.constant('Attached.'))),
          attachment: opt(mixString(fc.constantFrom('uploads/anna/a.pdf', 'uploads/hana/b.pdf'))),
        })
        .map(compact);
    case 'POST /orders/:number/watchers':
      return fc
        .record({
          add: opt(mix(fc.subarray(USER_IDS, { maxLength: 3 }), fc.array(hostileString, { maxLength: 70 }))),
          remove: opt(mix(fc.subarray(USER_IDS, { maxLength: 3 }))),
        })
        .map(compact);
    case 'POST /orders/:number/stage':
      return fc.record({ version: versionArb, stage: mixString(fc.constantFrom(...STAGE_IDS)) });
    case 'POST /orders/:number/priority':
      return fc.record({ version: versionArb, priority: mixString(fc.constantFrom(...PRIORITIES)) });
    case 'POST /orders/:number/handoffs':
      return fc.constantFrom(...SERVICES).chain((service) =>
        fc
          .record({
            version: versionArb,
            serviceId: mixString(fc.constant(service.id)),
            answers: mix(answersFor(service.form)),
            pass: opt(fc.dictionary(mixKey(fc.constantFrom(...DELIVERABLE_IDS)), mixString(fc.constant('x')))),
            comment: opt(mixString(fc.constant('Over to you.'))),
          })
          .map(compact),
      );
    case 'PUT /departments/:code':
      return fc.tuple(departmentFields(), versionArb).map(([fields, version]) => ({ ...fields, version }));
    case 'POST /departments':
      return fc
        .tuple(departmentFields(), mixString(fc.constantFrom('LEGAL', 'OPS', 'HR', 'X1')))
        .map(([fields, code]) => ({ ...fields, code }));
    case 'POST /services':
      return fc
        .tuple(
          serviceFields(),
          mixString(fc.constantFrom('fuzz-service', 'hr-onboarding')),
          mixString(fc.constantFrom(...DEPARTMENTS)),
        )
        .map(([fields, id, dept]) => ({ ...fields, id, department: dept }));
    case 'PUT /services/:id':
      return fc.tuple(serviceFields(), versionArb).map(([fields, version]) => ({ ...fields, version }));
    case 'POST /departments/:code/services/from-template':
      return fc
        .record({
          templateId: mixString(fc.constantFrom(...SERVICE_TEMPLATES.map((t) => t.id), 'no-such-template')),
          id: opt(mixString(fc.constantFrom('fuzz-template', 'hr-onboarding', 'Not An Id'))),
          name: opt(mixString(fc.constantFrom('Onboarding', 'Zaświadczenie', ''))),
        })
        .map(compact);
    case 'POST /services/:id/publish':
    case 'POST /services/:id/retire':
      return fc.record({ version: versionArb });
    case 'PUT /users/:id/roles':
      return fc.record({
        memberships: mix(
          fc.dictionary(fc.constantFrom(...DEPARTMENTS, 'NOPE'), fc.constantFrom('agent', 'head'), { maxKeys: 2 }),
          fc.dictionary(hostileString, hostileValue, { maxKeys: 3 }),
        ),
        admin: mix(fc.boolean()),
      });
    default:
      // Routes without a body still get one sometimes.
      return fc.oneof(fc.constant({}), fc.jsonValue({ maxDepth: 2 }));
  }
}

const invalidJson = fc.oneof(
  fc.constantFrom(
    '{',
    '{"a":',
    'nul',
    "{'a':1}",
    '\u0000',
    '[1,2',
    '{"a":1}garbage',
    '\uFEFF{"a":1}',
    'NaN',
    '{"a":NaN}',
    '{"version":1,}',
    '"unterminated',
    '{"a":"\\x41"}',
    '{"a":"\\ud800"}',
    '',
  ),
  fc.string({ maxLength: 100 }),
  fc.integer({ min: 1_000, max: 100_000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
  fc.integer({ min: 1_000, max: 100_000 }).map((n) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`),
);

const wrongTypeJson = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? 'null'),
  fc.constantFrom('[]', '0', '-1', 'null', 'true', '"string"', '1e999', '[{"version":1}]', ...protoObjects),
  fc.integer({ min: 100, max: 3_000 }).map((d) => JSON.stringify(deep(d, false))),
);

/** Puts prototype-polluting keys into a random object of the serialized body. */
function injectProto(json: string, pick: number, payload: string): string {
  const opens = [...json.matchAll(/\{/g)].map((m) => m.index ?? 0);
  if (opens.length === 0) return json;
  const at = opens[pick % opens.length]!;
  const inner = payload.slice(1, -1);
  const rest = json.slice(at + 1);
  return `${json.slice(0, at + 1)}${inner}${rest.startsWith('}') ? '' : ','}${rest}`;
}

const bodyFor = (route: Route): fc.Arbitrary<string | undefined> =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: invalidJson },
    { weight: 1, arbitrary: wrongTypeJson },
    {
      weight: route.method === 'GET' ? 1 : 12,
      arbitrary: templateFor(route).map((v) => JSON.stringify(v) ?? 'null'),
    },
    {
      weight: route.method === 'GET' ? 0 : 2,
      arbitrary: fc
        .tuple(templateFor(route), fc.nat(), fc.constantFrom(...protoObjects))
        .map(([v, pick, payload]) => injectProto(JSON.stringify(v) ?? '{}', pick, payload)),
    },
  );

// ---- path parameters and query strings ----

interface Targets {
  /** Orders the fuzz may legitimately change. */
  orders: string[];
  /** Orders of ben outside HR: only callers who cannot see them aim at them. */
  sentinels: string[];
  /** Valid signed clarification links → order number. */
  links: Map<string, string>;
  /** Tampered, expired and wrong-purpose links → order number. */
  badLinks: Map<string, string>;
  cursors: string[];
}

function paramArb(name: string, routeKey: string, t: Targets): fc.Arbitrary<string> {
  const hostileParam = fc.oneof(
    hostileString,
    fc.constantFrom('HR-0', 'HR-99999999999', 'HR-999999999', 'hr-0001', 'HR-0001%00', 'HR-', '-1', '0', 'ORDER'),
  );
  switch (name) {
    case 'number':
      return fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom(...t.orders) },
        { weight: 3, arbitrary: fc.constantFrom(...t.sentinels) },
        { weight: 3, arbitrary: hostileParam },
      );
    case 'code':
      return fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...DEPARTMENTS) },
        { weight: 2, arbitrary: fc.constantFrom('ZZ', 'hr', 'H', 'HR/../IT', 'HR%2F..%2FIT', 'LEGAL', 'X1') },
        { weight: 2, arbitrary: hostileParam },
      );
    case 'id':
      return routeKey.startsWith('PUT /users')
        ? // Role changes aim at a person who never calls, so the callers' rights stay what the test expects.
          fc.oneof(fc.constantFrom('zed', 'ghost', 'ZED', 'zed '), hostileParam)
        : fc.oneof(
            { weight: 6, arbitrary: fc.constantFrom(...SERVICE_IDS, 'fuzz-service') },
            { weight: 2, arbitrary: hostileParam },
          );
    case 'token':
      return fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...t.links.keys()) },
        { weight: 3, arbitrary: fc.constantFrom(...t.badLinks.keys()) },
        { weight: 2, arbitrary: hostileParam },
        { weight: 1, arbitrary: fc.base64String({ maxLength: 200 }) },
      );
    case 'inputId':
      return fc.oneof(fc.constantFrom(...INPUT_IDS), hostileParam);
    case 'deliverableId':
      return fc.oneof(fc.constantFrom(...DELIVERABLE_IDS), hostileParam);
    default:
      return hostileParam;
  }
}

function encodeParam(value: string, how: number): string {
  if (how === 0) return value; // raw: the URL parser normalizes it
  if (how === 1) return uriComponent(uriComponent(value));
  return uriComponent(value);
}

/** Percent-encodes what can be; lone surrogates cannot, and go raw (the URL parser replaces them). */
function uriComponent(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return value;
  }
}

const b64json = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * Broken cursors over the caller's own list (its partition key is right, the rest is not), completed
 * when the request is sent: `zzCURSORn` + `zz` becomes shape n for the caller's list or the queue in the path.
 */
const OWN_CURSOR_SHAPES: Array<(partition: Record<string, string>, sortKey: string) => unknown> = [
  (p) => p,
  (p, s) => ({ ...p, [s]: 5, pk: { S: 'x' }, sk: null }),
  (p, s) => ({ ...p, [s]: 'x', pk: 'ORDER#HR-0001', sk: 'ORDER', extra: 'y' }),
  (p, s) => ({ ...p, [s]: '', pk: '', sk: '' }),
  (p, s) => ({ ...p, [s]: 'zzz', pk: 'USER#ada', sk: 'PROFILE' }),
  (p, s) => ({ ...p, [s]: '\ud800', pk: 'ORDER#x', sk: 'ORDER' }),
  (p, s) => ({ ...p, [s]: [1, 2], pk: 'ORDER#x', sk: 'ORDER' }),
  (p, s) => ({ ...p, [s]: 'x', pk: 'ORDER#x' }),
  (p, s) => ({ ...p, [s]: 'x'.repeat(600), pk: 'ORDER#x', sk: 'ORDER' }),
  (p, s) => ({ ...p, [s]: 'x', pk: 'ORDER#x', sk: 'ORDER', gsi3pk: 'SLA' }),
  (p, s) => ({ ...p, [s]: { nested: true }, pk: 'ORDER#x', sk: 'ORDER' }),
];
const OWN_CURSOR = /zzCURSOR(\d+)zz/g;

/** A path segment decoded, or as it is when its escapes are malformed (the fuzzer writes such paths too). */
function decodedOrAsIs(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function ownCursor(shape: number, path: string, caller: string): string {
  const queue = path.match(/\/departments\/([^/?]+)\/queue/)?.[1];
  const partition: Record<string, string> = queue
    ? { gsi2pk: `QUEUE#${decodedOrAsIs(queue)}` }
    : { gsi1pk: `REQUESTER#${USER_IDS.includes(caller) ? caller : 'anna'}` };
  const make = OWN_CURSOR_SHAPES[shape % OWN_CURSOR_SHAPES.length]!;
  return b64json(make(partition, queue ? 'gsi2sk' : 'gsi1sk'));
}

function queryArb(route: Route, t: Targets): fc.Arbitrary<string> {
  const cursor = fc.oneof(
    { weight: 4, arbitrary: fc.nat(OWN_CURSOR_SHAPES.length - 1).map((n) => `zzCURSOR${n}zz`) },
    fc.constantFrom(...t.cursors),
    fc.base64String({ maxLength: 120 }).map((s) => s.replace(/=/g, '')),
    hostileString,
    fc.constantFrom(
      b64json({
        gsi1pk: 'REQUESTER#ben',
        gsi1sk: '2026-01-01T00:00:00.000Z#FAC-0001',
        pk: 'ORDER#FAC-0001',
        sk: 'ORDER',
      }),
      b64json({ gsi2pk: 'QUEUE#IT', gsi2sk: '9999-12-31T23:59:59.999Z#IT-0001', pk: 'ORDER#IT-0001', sk: 'ORDER' }),
      b64json({ gsi1pk: 'REQUESTER#anna' }),
      b64json({ gsi2pk: 'QUEUE#HR' }),
      b64json({ gsi1pk: 'REQUESTER#anna', gsi1sk: 5, pk: { S: 'x' }, sk: null }),
      b64json({ gsi2pk: 'QUEUE#HR', gsi2sk: 'x', pk: 'ORDER#HR-0001', sk: 'ORDER', extra: 'y' }),
      b64json({ gsi1pk: 'REQUESTER#anna', gsi1sk: 'zzz', pk: 'USER#ada', sk: 'PROFILE' }),
      b64json({ gsi2pk: 'QUEUE#HR', gsi2sk: '', pk: '', sk: '' }),
      b64json({ gsi1pk: 'REQUESTER#anna', gsi1sk: 'a'.repeat(2_000), pk: 'ORDER#x', sk: 'ORDER' }),
      Buffer.from('{"__proto__":{"gsi1pk":"REQUESTER#anna"}}').toString('base64url'),
      b64json(['REQUESTER#anna']),
      b64json(null),
      'x'.repeat(1_001),
    ),
  );
  const limit = fc.constantFrom('-1', '0', '1', '50', '100', '101', '10000', 'abc', '1e2', '0x10', '1.5', '', 'NaN');
  const pairs = fc.array(
    fc.oneof(
      { weight: 3, arbitrary: cursor.map((c) => `cursor=${uriComponent(c)}`) },
      { weight: 3, arbitrary: limit.map((l) => `limit=${uriComponent(l)}`) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          'foo=bar',
          '__proto__=x',
          'constructor=x',
          'month=2027-13',
          'month=..%2F..',
          'key=..%2Fsecret&as=json',
          'as=redirect',
          'limit',
          'cursor',
        ),
      },
      { weight: 1, arbitrary: fc.tuple(hostileString, hostileString).map(([k, v]) => `${k}=${v}`) },
    ),
    { maxLength: 3 },
  );
  const listing = route.path.endsWith('/mine') || route.path.endsWith('/queue') || route.path === '/audit';
  return fc
    .oneof({ weight: listing ? 1 : 6, arbitrary: fc.constant([] as string[]) }, { weight: 3, arbitrary: pairs })
    .map((parts) => (parts.length ? `?${parts.join('&')}` : ''));
}

// ---- callers ----

const BAD_CALLERS = [
  'anonymous',
  'garbage',
  'forged',
  'expired',
  'ghost',
  'alg-none',
  'basic',
  'huge',
  'lowercase',
  'latin1',
  'double',
  'tampered',
  // Service accounts' API tokens: a made-up secret, a revoked token, and a valid one that may only read.
  'token-forged',
  'token-revoked',
  'token-reader',
] as const;

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-16',
  'text/html',
  '*/*',
  'garbage',
];

interface Fuzzed {
  route: string;
  method: string;
  path: string;
  caller: string;
  /** Used instead of `caller` when the request turns out to aim at a sentinel. */
  outsider: number;
  contentType: string | undefined;
  headers: Record<string, string>;
  body: string | undefined;
}

function requestArb(t: Targets, callers: string[]): fc.Arbitrary<Fuzzed> {
  const weighted = ROUTES.map((route) => ({
    weight:
      route.path === '/orders' || route.path.endsWith('/transitions')
        ? 6
        : 'write' in route || route.path.endsWith('/mine') || route.path.endsWith('/queue')
          ? 3
          : 1,
    arbitrary: fc.constant(route),
  }));
  return fc.oneof(...weighted).chain((route) => {
    const names = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
    return fc
      .record({
        method: fc.oneof(
          { weight: 8, arbitrary: fc.constant(route.method as string) },
          { weight: 2, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS') },
          { weight: 1, arbitrary: fc.constantFrom('PROPFIND', 'get', 'post', 'X-CUSTOM') },
        ),
        params: fc.tuple(...names.map((name) => fc.tuple(paramArb(name, keyOf(route), t), fc.nat(5)))),
        query: queryArb(route, t),
        caller: fc.oneof(
          { weight: 8, arbitrary: fc.constantFrom(...callers) },
          { weight: 2, arbitrary: fc.constantFrom(...BAD_CALLERS) },
        ),
        outsider: fc.nat(),
        contentType: fc.oneof(
          { weight: 6, arbitrary: fc.constant('application/json') },
          { weight: 2, arbitrary: fc.constant(undefined) },
          { weight: 2, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
        ),
        headers: fc.oneof(
          { weight: 6, arbitrary: fc.constant({}) },
          {
            weight: 1,
            arbitrary: fc.constantFrom<Record<string, string>>(
              { 'x-request-id': '../../etc/passwd' },
              { 'x-request-id': 'a'.repeat(5_000) },
              { 'x-forwarded-for': '127.0.0.1', 'x-user-id': 'ada', 'x-admin': 'true' },
              { 'idempotency-key': '<script>' },
              { 'if-match': '"garbage"', accept: 'text/html' },
              { 'x-http-method-override': 'DELETE' },
            ),
          },
        ),
        body: bodyFor(route),
      })
      .map(({ params, query, ...rest }): Fuzzed => {
        let i = 0;
        const path = route.path.replace(/:(\w+)/g, () => {
          const [value, how] = params[i++]!;
          return encodeParam(value, how);
        });
        return { route: keyOf(route), path: `${API_PREFIX}${path}${query}`, ...rest };
      });
  });
}

// ---- the run ----

let h: Harness;
let app: ReturnType<typeof createApp>;
const auth = new Map<string, string | undefined>();
let targets: Targets;
let outsiders: string[];
const seeded = new Map<string, Order>();

function headersOf(caller: string, extra: Record<string, string> = {}): Record<string, string> {
  const authorization = auth.get(caller);
  return { ...(authorization ? { authorization } : {}), ...extra };
}

async function call<T>(caller: string, method: string, path: string, body?: unknown) {
  const res = await app.request(`${API_PREFIX}${path}`, {
    method,
    headers: headersOf(caller, body === undefined ? {} : { 'content-type': 'application/json' }),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as T };
}

async function file(caller: string, serviceId: string, answers: Record<string, unknown>): Promise<Order> {
  const res = await call<OrderView>(caller, 'POST', '/orders', { serviceId, answers });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.order;
}

async function act(caller: string, number: string, body: Record<string, unknown>): Promise<Order> {
  const current = (await h.deps.orders.get(number))!;
  const res = await call<OrderView>(caller, 'POST', `/orders/${number}/transitions`, {
    version: current.version,
    ...body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.order;
}

const onboarding = {
  fullName: 'Jan Zieliński',
  startDate: '2027-01-11',
  contractType: 'Permanent',
  managerEmail: 'm@example.com',
};

beforeAll(async () => {
  h = await createHarness({ attachments: true });
  // The harness has no option for the write limit, so the fuzz builds its own app on the same
  // dependencies with a limit that thousands of writes by a dozen people do not reach.
  app = createApp({ ...h.deps, config: { ...h.deps.config, writeLimit: { burst: 1_000_000, perSecond: 1_000_000 } } });

  // A person only the role-changing requests aim at.
  await h.deps.users.save({ id: 'zed', name: 'Zed Target', email: 'zed@example.com', memberships: {}, admin: false });

  for (const id of USER_IDS) auth.set(id, `Bearer ${(await h.signIn(id)).accessToken}`);
  const adaToken = (auth.get('ada') as string).slice('Bearer '.length);
  const now = Math.floor(Date.now() / 1000);
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const issuer = h.deps.config.auth.issuer;
  auth.set('anonymous', undefined);
  auth.set('garbage', 'Bearer abc.def.ghi');
  // Signed by a key the issuer never published; then signed by the issuer's key but long expired.
  auth.set('forged', `Bearer ${await craftToken({ sub: 'ada' }, { foreignKey: true })}`);
  auth.set('expired', `Bearer ${await craftToken({ sub: 'ada', iat: now - 13 * 3600, exp: now - 12 * 3600 })}`);
  // A valid token of someone who never signed in to Ordo: no profile, so nothing but sign-in.
  auth.set('ghost', `Bearer ${await craftToken({ sub: 'ghost' })}`);
  auth.set(
    'alg-none',
    `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'ada', iss: issuer, token_use: 'access', exp: now + 3600 })}.`,
  );
  auth.set('basic', `Basic ${Buffer.from('ada:ada').toString('base64')}`);
  auth.set('huge', `Bearer ${'A'.repeat(10_000)}`);
  auth.set('lowercase', `bearer ${adaToken}`);
  auth.set('latin1', 'Bearer \u00ff\u00fe\u00e9.abc.def');
  auth.set('double', `Bearer ${adaToken} Bearer ${adaToken}`);
  // A token for ada with a payload changed to say anna: the signature no longer matches.
  const [hd, , sg] = adaToken.split('.');
  auth.set(
    'tampered',
    `Bearer ${hd}.${b64({ sub: 'anna', iss: issuer, token_use: 'access', client_id: h.deps.config.auth.clientId, exp: now + 3600 })}.${sg}`,
  );

  // API tokens of HR, made by its head: one revoked, one that may only read (neither changes anything).
  const henry = (await h.deps.users.get('henry'))!;
  const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
  const revoked = await h.deps.tokenWorkflow.create(henry, 'HR', {
    name: 'r',
    scopes: ['orders:read'],
    services: [],
    expiresAt,
  });
  await h.deps.tokenWorkflow.revoke(henry, 'HR', revoked.token.id);
  const reader = await h.deps.tokenWorkflow.create(henry, 'HR', {
    name: 'q',
    scopes: ['orders:read'],
    services: [],
    expiresAt,
  });
  auth.set('token-forged', `Bearer ordo_${reader.token.id}_${'x'.repeat(43)}`);
  auth.set('token-revoked', `Bearer ${revoked.secret}`);
  auth.set('token-reader', `Bearer ${reader.secret}`);

  // Orders to aim at, in several states.
  const hrOpen = await file('anna', 'hr-onboarding', onboarding);
  const finInputs = await file('anna', 'fin-expenses', { amount: 120.5, costCentre: 'SA-101', description: 'Train' });
  const itApproval = await file('anna', 'it-laptop', { model: '14" standard', neededBy: '2027-02-01' });
  const hrWorking = await file('anna', 'hr-certificate', { purpose: 'Bank' });
  await act('olivia', hrWorking.number, { action: 'claim' });
  const hrClarify = await file('anna', 'hr-onboarding', onboarding);
  await act('hana', hrClarify.number, { action: 'claim' });
  const asked = await act('hana', hrClarify.number, {
    action: 'request_clarification',
    comment: 'Permanent or fixed-term?',
    fields: ['contractType'],
  });
  const certClarify = await file('anna', 'hr-certificate', { purpose: 'Bank' });
  await act('hana', certClarify.number, { action: 'claim' });
  const askedCert = await act('hana', certClarify.number, {
    action: 'request_clarification',
    comment: 'What is it for exactly?',
    fields: ['purpose'],
  });
  // Ben's orders outside HR: nobody who calls in the fuzz may see them.
  const facSentinel = await file('ben', 'fac-repair', { location: 'B1, 2nd floor', problem: 'Broken chair.' });
  const itSentinel = await file('ben', 'it-access', {
    system: 'CRM',
    role: 'Reader',
    reason: 'I need to read the sales pipeline.',
  });

  const links = new LinkSigner(h.deps.config.linkKeys);
  const link = (orderNumber: string, ref: string, exp = now + 3600, purpose = 'clarification') =>
    links.sign({ purpose, orderNumber, ref, exp });
  const good = new Map([
    [link(hrClarify.number, asked.clarification!.id), hrClarify.number],
    [link(certClarify.number, askedCert.clarification!.id), certClarify.number],
  ]);
  const valid = [...good.keys()][0]!;
  const bad = new Map([
    [link(hrClarify.number, asked.clarification!.id, now - 10), hrClarify.number],
    [link(hrClarify.number, asked.clarification!.id, now + 3600, 'survey'), hrClarify.number],
    [link(facSentinel.number, 'c1'), facSentinel.number],
    [`${valid.slice(0, -2)}${valid.endsWith('AA') ? 'BB' : 'AA'}`, hrClarify.number],
    [
      `${b64({ purpose: 'clarification', orderNumber: itSentinel.number, ref: 'c1', exp: now + 3600 })}.${valid.split('.')[1]}`,
      itSentinel.number,
    ],
  ]);

  const mine = await call<Page<OrderSummary>>('anna', 'GET', '/orders/mine?limit=1');
  const queue = await call<Page<OrderSummary>>('hana', 'GET', '/departments/HR/queue?limit=1');
  targets = {
    orders: [hrOpen, finInputs, itApproval, hrWorking, hrClarify, certClarify].map((o) => o.number),
    sentinels: [facSentinel.number, itSentinel.number],
    links: good,
    badLinks: bad,
    cursors: [mine.body.nextCursor, queue.body.nextCursor].filter((c): c is string => !!c),
  };
  expect(targets.cursors).toHaveLength(2);
  for (const number of [...targets.orders, ...targets.sentinels])
    seeded.set(number, (await h.deps.orders.get(number))!);
  // Callers who cannot reach ben's FAC and IT orders: not ben, not in FAC or IT, not a service owner there.
  outsiders = [
    ...BAD_CALLERS,
    ...demoUsers
      .filter((u) => u.id !== 'ben' && !u.memberships.FAC && !u.memberships.IT)
      .filter((u) => u.id !== facSentinel.ownerId && u.id !== itSentinel.ownerId)
      .map((u) => u.id),
  ];
}, 120_000);
afterAll(() => h?.close());

interface Finding {
  kind: string;
  route: string;
  request: string;
  status: number;
  response: string;
}

const clip = (s: string | undefined, n = 300) =>
  s === undefined ? '' : JSON.stringify(s.length > n ? `${s.slice(0, n)}…(${s.length} chars)` : s);

function targetOf(url: string): string | undefined {
  const path = new URL(url).pathname;
  const order = path.match(/\/orders\/([^/]+)/)?.[1];
  if (order) return decoded(order);
  const token = path.match(/\/clarifications\/([^/]+)/)?.[1];
  if (token) return targets.links.get(token) ?? targets.badLinks.get(token);
  return undefined;
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

async function currentVersion(path: string, target: string | undefined): Promise<number> {
  if (target) return seededVersions.get(target) ?? 1;
  const id = new URL(`http://localhost${path}`).pathname.match(/\/(services|departments)\/([^/]+)/);
  if (!id?.[2]) return 1;
  const key = decoded(id[2]);
  if (id[1] === 'services') return (await h.deps.services.get(key).catch(() => undefined))?.version ?? 1;
  return (await h.deps.departments.get(key).catch(() => undefined))?.version ?? 1;
}

const seededVersions = new Map<string, number>();
const histogram = new Map<number, number>();
const findings: Finding[] = [];
/** Order number → the fuzzed request that filed it, to reproduce what the stored-data checks find. */
const filedBy = new Map<string, string>();
let sent = 0;
let unsendable = 0;

const WRITES = new Set<string>(ROUTES.filter((r) => 'write' in r).map(keyOf));
/** Writes aimed at a seeded order that were refused as unauthenticated, forbidden or not found. */
let refusedWrites = 0;

async function send(f: Fuzzed): Promise<{ target: string | undefined; status: number; read: boolean } | undefined> {
  let request: Request;
  let summary: string;
  const target = targetOf(new URL(`http://localhost${f.path}`).href);
  const caller = target && targets.sentinels.includes(target) ? outsiders[f.outsider % outsiders.length]! : f.caller;
  const path = f.path.replace(OWN_CURSOR, (_, n: string) => ownCursor(Number(n), f.path, caller));
  try {
    let body = f.body;
    if (body !== undefined) {
      const version = await currentVersion(path, target);
      body = body.replaceAll(`"${VERSION}"`, String(version));
      for (const [marker, raw] of Object.entries(RAW_NUMBERS)) body = body.replaceAll(marker, raw);
    }
    if (['GET', 'HEAD', 'get'].includes(f.method)) body = undefined;
    const headers = headersOf(caller, { ...f.headers, ...(f.contentType ? { 'content-type': f.contentType } : {}) });
    request = new Request(`http://localhost${path}`, {
      method: f.method,
      headers,
      ...(body !== undefined ? { body } : {}),
    });
    summary = `${caller} ${f.method} ${clip(path, 200)} content-type=${f.contentType ?? 'none'} body=${clip(body, 200)}`;
  } catch {
    // The client cannot even build this request: nothing reaches the API.
    unsendable += 1;
    return undefined;
  }
  const res = await app.request(request);
  sent += 1;
  histogram.set(res.status, (histogram.get(res.status) ?? 0) + 1);
  const text = await res.text();
  const report = (kind: string) =>
    findings.push({ kind, route: f.route, request: summary, status: res.status, response: text.slice(0, 300) });

  if (res.status >= 500) report('5xx');
  if (target && seeded.has(target) && WRITES.has(f.route) && [401, 403, 404].includes(res.status)) refusedWrites += 1;
  if (res.status === 201 && f.route === 'POST /orders') {
    const number = (JSON.parse(text) as Partial<OrderView>).order?.number;
    if (number) filedBy.set(number, summary);
  }
  if (res.status >= 300 && res.status < 400) {
    // Only the attachment download redirects, to a presigned URL of the attachments store.
    const location = res.headers.get('location') ?? '';
    if (f.route !== 'GET /orders/:number/attachments' || !location.startsWith(h.deps.config.s3Endpoint ?? '-')) {
      report(`redirect to ${location.slice(0, 100)}`);
    }
  } else if (f.method.toUpperCase() !== 'HEAD') {
    const type = res.headers.get('content-type') ?? '';
    const json = res.status >= 300 ? 'application/problem+json' : 'application/json';
    if (!type.startsWith(json)) report(`content-type ${type || 'missing'}`);
    if (/text\/html/i.test(type) && /<script/i.test(text)) report('script in HTML');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      report('body is not JSON');
    }
    if (res.status >= 300) {
      const problem = parsed as { code?: unknown; status?: unknown; type?: unknown; detail?: unknown } | undefined;
      if (
        typeof problem?.code !== 'string' ||
        !problem.code ||
        problem.status !== res.status ||
        problem.type !== `/api/v1/problems/${problem.code}` ||
        typeof problem.detail !== 'string'
      ) {
        report('error body is not problem details { type, status, code, detail }');
      }
    }
  }
  return { target, status: res.status, read: ['GET', 'HEAD', 'OPTIONS'].includes(f.method.toUpperCase()) };
}

async function readVersions(): Promise<Map<string, number>> {
  const numbers = [...targets.orders, ...targets.sentinels];
  const orders = await Promise.all(numbers.map((n) => h.deps.orders.get(n)));
  return new Map(numbers.map((n, i) => [n, orders[i]?.version ?? -1]));
}

async function listAll(caller: string, path: string): Promise<OrderSummary[]> {
  const items: OrderSummary[] = [];
  let cursor: string | undefined;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page = await call<Page<OrderSummary>>(
      caller,
      'GET',
      `${path}${sep}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(page.status, `${caller} GET ${path}: ${JSON.stringify(page.body)}`).toBe(200);
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return items;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find raw control characters
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** Markup a hostile answer could smuggle into mail HTML if it were not escaped. */
const RAW_MARKUP = /<\s*(script|img|svg|iframe)\b|<[^>]*\son(error|load)\s*=/i;

describe('hostile requests against every route', () => {
  it('keeps the default per-person write limit: 429 with Retry-After and an error body', async () => {
    // h.app is built with the configured limit (a burst of 60); the limit applies before the body is read.
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) {
      const res = await h.app.request(`${API_PREFIX}/orders/HR-0/comments`, {
        method: 'POST',
        headers: headersOf('carl', { 'content-type': 'application/json' }),
        body: '{',
      });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
        const body = (await res.json()) as Problem;
        expect(body.code).toBe('too_many_requests');
      } else {
        await res.body?.cancel();
      }
    }
    expect(statuses.slice(0, 60).every((s) => s === 400)).toBe(true);
    expect(statuses[60]).toBe(429);
  });

  it('answers broken page cursors over the caller’s own list with 400 or a page of that list, never 5xx', async () => {
    const answers: string[] = [];
    for (const [caller, path] of [
      ['anna', '/orders/mine'],
      ['hana', '/departments/HR/queue'],
    ] as const) {
      for (let shape = 0; shape < OWN_CURSOR_SHAPES.length; shape++) {
        const cursor = ownCursor(shape, path, caller);
        const res = await call<Page<OrderSummary> & Problem>(caller, 'GET', `${path}?cursor=${cursor}`);
        const own =
          res.status === 200 && res.body.items.every((o) => o.requesterId === 'anna' || o.department === 'HR');
        if (!(res.status === 400 || own)) {
          const decoded = Buffer.from(cursor, 'base64url').toString();
          answers.push(`${caller} GET ${path}?cursor=${cursor} (${decoded}) → ${res.status}`);
        }
      }
    }
    expect(answers).toEqual([]);
  });

  it('refuses an id in the path longer than any key can hold with 400 and a field code, never 5xx', async () => {
    // Found by seed 1898428319: a service id of 15,000 characters reached DynamoDB as a key.
    const long = encodeURIComponent('<script>'.repeat(1_000));
    for (const [caller, path] of [
      ['frank', `/departments/FIN/services/${long}/process`],
      ['frank', `/services/${long}`],
      ['ada', `/users/${long}/export`],
    ] as const) {
      const res = await call<Problem>(caller, path.endsWith('/export') ? 'POST' : 'GET', path);
      expect(res.status, path.slice(0, 40)).toBe(400);
      expect(res.body.fields?.id?.code).toBe('too_long');
    }
  });

  it('refuses a page cursor longer than any list gives with 400 and a field code, never 5xx', async () => {
    // A cursor's keys reach DynamoDB as ExclusiveStartKey: in 1,842 characters a sort key of 1,355 bytes
    // passed the list's own check, which counts characters.
    const long = b64json({ pk: 'USER#anna', sk: `NOTE#${'中'.repeat(450)}` });
    for (const [caller, path] of [
      ['anna', '/me/notifications'],
      ['token-reader', '/integration/orders'],
      ['anna', '/orders/mine'],
    ] as const) {
      const res = await call<Problem>(caller, 'GET', `${path}?cursor=${long}`);
      expect(res.status, path).toBe(400);
      expect(res.body.fields?.cursor?.code).toBe('too_long');
    }
  });

  it('signs in and finds a person whose name or address folds into a word longer than a key can hold', async () => {
    // NFD splits each Hangul syllable into three letters: a name of 200 syllables was a directory key of
    // 1,800 bytes, and its sign-in answered 500.
    const syllables = '한'.repeat(200);
    const people = [
      { sub: 'long-name', name: syllables, email: 'long.name@example.com' },
      { sub: 'long-address', name: 'Long Address', email: `${syllables}@example.com` },
    ];
    for (const { sub, ...claims } of people) {
      const idToken = await craftToken({
        sub,
        token_use: 'id',
        client_id: undefined,
        aud: h.deps.config.auth.clientId,
        email_verified: true,
        ...claims,
      });
      const res = await app.request(`${API_PREFIX}/me/sign-in`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await craftToken({ sub })}`, 'content-type': 'application/json' },
        body: JSON.stringify({ idToken }),
      });
      expect(res.status, `${sub}: ${await res.clone().text()}`).toBe(200);
    }
    const found = await call<Array<{ id: string }>>(
      'anna',
      'GET',
      `/people?q=${encodeURIComponent(syllables.slice(0, 100))}`,
    );
    expect(found.status).toBe(200);
    expect(found.body.map((p) => p.id).sort()).toEqual(['long-address', 'long-name']);
  });

  it('keeps raw control characters out of stored order titles', async () => {
    const res = await call<OrderView & Problem>('anna', 'POST', '/orders', {
      serviceId: 'fac-repair',
      answers: { location: 'Room 1\u0000\u001b[2J\r\nBcc: x@example.com', problem: 'Broken.' },
    });
    // Refusing the answer or cleaning it are both fine; storing the raw characters is not.
    if (res.status === 201) expect(res.body.order.title).not.toMatch(CONTROL);
    else expect(res.status).toBe(400);
  });

  it('hands out download links only for files attached as files, not for keys typed into a text answer', async () => {
    // Ben asks for an upload ticket (the download link is signed whether or not the file was put).
    const ticket = await call<UploadTicket>('ben', 'POST', '/attachments', {
      fileName: 'salary.pdf',
      contentType: 'application/pdf',
      size: 10,
    });
    expect(ticket.status).toBe(201);
    // Anna learned the key (say she watched an order of Ben's once) and types it into a free-text answer.
    const filed = await call<OrderView & Problem>('anna', 'POST', '/orders', {
      serviceId: 'fac-repair',
      answers: { location: ticket.body.key, problem: 'See the location.' },
    });
    if (filed.status !== 201) return expect(filed.status).toBe(400);
    const key = encodeURIComponent(ticket.body.key);
    const res = await call<{ url?: string } & Problem>(
      'anna',
      'GET',
      `/orders/${filed.body.order.number}/attachments?key=${key}&as=json`,
    );
    expect(res.status, `anna got ${JSON.stringify(res.body).slice(0, 200)}`).toBe(404);
  });

  it('does not let a form pattern stall the API with catastrophic backtracking', async () => {
    const base = SERVICES.find((s) => s.id === 'fac-repair')!;
    const created = await call<{ version: number } & Problem>('fatima', 'POST', '/services', {
      ...base,
      id: 'pattern-check',
      form: [{ id: 'code', kind: 'text', label: 'Code', required: true, pattern: '(a+)+b' }],
      inputs: [],
    });
    // Refusing such a pattern when the head saves it is a fine answer too.
    if (created.status !== 201) return expect(created.status).toBe(400);
    const published = await call<{ version: number }>('fatima', 'POST', '/services/pattern-check/publish', {
      version: created.body.version,
    });
    expect(published.status).toBe(200);
    const started = performance.now();
    const res = await call('anna', 'POST', '/orders', {
      serviceId: 'pattern-check',
      answers: { code: 'a'.repeat(27) },
    });
    const ms = Math.round(performance.now() - started);
    expect(res.status).toBe(400);
    expect(ms, `one 27-character answer took ${ms} ms to validate`).toBeLessThan(1_000);
  });

  it('keeps stored answers valid when a clarification answer makes another field required', async () => {
    // hr-onboarding: contractEnd is required only for a fixed-term contract. The team asks again
    // about the contract type only; the requester answers "Fixed-term" without an end date.
    const order = await file('anna', 'hr-onboarding', onboarding);
    await act('hana', order.number, { action: 'claim' });
    await act('hana', order.number, {
      action: 'request_clarification',
      comment: 'Permanent or fixed-term?',
      fields: ['contractType'],
    });
    const version = (await h.deps.orders.get(order.number))!.version;
    const res = await call<OrderView & Problem>('anna', 'POST', `/orders/${order.number}/transitions`, {
      action: 'answer_clarification',
      version,
      comment: 'Fixed-term, actually.',
      answers: { contractType: 'Fixed-term' },
    });
    const stored = (await h.deps.orders.get(order.number))!;
    const service = (await h.deps.services.getVersion(stored.serviceId, stored.serviceVersion))!;
    // Refused (the end date is now required) or accepted with answers that still pass the form.
    expect(
      validateAnswers(service.form, stored.answers),
      `answer got ${res.status}; stored answers ${JSON.stringify(stored.answers)}`,
    ).toMatchObject({ ok: true });
  });

  it('never answers 5xx, always answers JSON errors, and never changes what callers may not change', async () => {
    const started = performance.now();
    const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();
    const filedBefore = new Set<string>();
    for (const o of await listAll('anna', '/orders/mine')) filedBefore.add(o.number);
    for (const o of await listAll('hana', '/departments/HR/queue')) filedBefore.add(o.number);
    for (const number of targets.orders) filedBefore.delete(number);
    for (const [n, v] of await readVersions()) seededVersions.set(n, v);
    const batches = fc.array(requestArb(targets, USER_IDS), { minLength: BATCH, maxLength: BATCH });
    let batchCount = 0;

    await fc.assert(
      fc.asyncProperty(batches, async (batch) => {
        batchCount += 1;
        const results = await Promise.all(batch.map(send));
        const after = await readVersions();
        for (const [number, version] of after) {
          const before = seededVersions.get(number)!;
          if (version === before) continue;
          const about = results.filter((r) => r?.target === number && !r.read);
          if (!about.some((r) => r!.status >= 200 && r!.status < 300)) {
            findings.push({
              kind: 'order changed without a successful write about it',
              route: number,
              request: `version ${before} → ${version}; requests: ${about.map((r) => r!.status).join(', ')}`,
              status: 0,
              response: '',
            });
          }
          seededVersions.set(number, version);
        }
        return true;
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );

    const statuses = [...histogram.entries()].sort(([a], [b]) => a - b);
    console.log(
      `fuzz: ${sent} requests (${RUNS} batches of ${BATCH}, seed ${SEED}, ${unsendable} not sendable) in ${Math.round(
        (performance.now() - started) / 1000,
      )} s; statuses ${statuses.map(([s, n]) => `${s}×${n}`).join(' ')}; ${refusedWrites} refused writes on seeded orders`,
    );
    expect(unsendable).toBeLessThan(sent / 100);
    expect(batchCount).toBe(RUNS);
    expect(sent).toBeGreaterThanOrEqual(5_000);
    // The version checks below saw plenty of refused writes at the seeded orders.
    expect(refusedWrites).toBeGreaterThan(200);

    // Prototype pollution: nothing new on Object.prototype, and plain objects stay clean.
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).admin).toBeUndefined();

    // Ben's orders, aimed at only by callers who may not touch them, are exactly as seeded.
    for (const number of targets.sentinels) {
      expect(await h.deps.orders.get(number), `sentinel ${number}`).toEqual(seeded.get(number));
      const timeline = (await h.deps.orders.getWithTimeline(number))!.timeline;
      expect(timeline.map((e) => e.kind)).toEqual(['submitted']);
    }

    // What was stored passes the form validation and has a clean title (orders the cases above
    // filed on purpose are theirs to judge).
    const stored = new Set<string>();
    for (const o of await listAll('anna', '/orders/mine')) stored.add(o.number);
    for (const o of await listAll('hana', '/departments/HR/queue')) stored.add(o.number);
    for (const number of filedBefore) stored.delete(number);
    expect(stored.size).toBeGreaterThanOrEqual(targets.orders.length);
    for (const number of stored) {
      const order = (await h.deps.orders.get(number))!;
      const origin = `${number} (${order.status}) filed by ${filedBy.get(number) ?? order.filedById}`;
      const service = await h.deps.services.getVersion(order.serviceId, order.serviceVersion);
      const checked = service ? validateAnswers(service.form, order.answers) : undefined;
      if (!checked?.ok) {
        findings.push({
          kind: 'stored answers fail the form validation',
          route: `${order.serviceId} v${order.serviceVersion}`,
          request: `${origin}; ${JSON.stringify(checked?.fields ?? 'no such service version')}`,
          status: 0,
          response: JSON.stringify(order.answers).slice(0, 300),
        });
      }
      if (CONTROL.test(order.title)) {
        findings.push({
          kind: 'stored title has raw control characters',
          route: order.serviceId,
          request: origin,
          status: 0,
          response: JSON.stringify(order.title),
        });
      }
    }

    // Mail about the fuzzed orders: markup is escaped, subjects carry no control characters.
    const delivery = new MailDelivery(h.deps.outbox, h.deps.mailer, silentLogger);
    for (let round = 0; round < 200 && (await delivery.deliverDue(50)) > 0; round++) {}
    const mail = (await h.mailbox()).filter((m) => ![...filedBefore].some((n) => m.subject.includes(`${n} `)));
    expect(mail.length).toBeGreaterThan(0);
    for (const m of mail) {
      if (RAW_MARKUP.test(m.body.html ?? '')) {
        findings.push({
          kind: 'mail HTML carries unescaped markup',
          route: m.subject.slice(0, 60),
          request: '',
          status: 0,
          response: (m.body.html ?? '').slice(0, 300),
        });
      }
      if (CONTROL.test(m.subject)) {
        findings.push({
          kind: 'mail subject has raw control characters',
          route: 'mail',
          request: '',
          status: 0,
          response: JSON.stringify(m.subject),
        });
      }
    }

    // One example per kind of problem and route, so the report stays readable.
    const distinct = new Map<string, Finding>();
    for (const f of findings) if (!distinct.has(`${f.kind}|${f.route}`)) distinct.set(`${f.kind}|${f.route}`, f);
    expect([...distinct.values()], `seed ${SEED}; ${findings.length} findings in all`).toEqual([]);
  }, 240_000);
});
