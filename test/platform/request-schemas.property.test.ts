import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/server/platform/log.ts';
import { createTestApp } from '../support/app.ts';
import { client, signInAs, type Client } from '../support/client.ts';
import { createDepartment, createOrg, createPerson, createUser } from '../support/factories.ts';
import { createPublishedCourse, enrollPeople, takeSampleCourse, tinyPng, uploadFile } from '../support/learning.ts';

/*
 * Every operation of the OpenAPI document, called by an admin of a fresh organisation with path
 * parameters, query parameters and bodies (JSON, multipart, CSV) built from the operation's own
 * schemas, but with hostile values: control characters and lone surrogates, huge strings and
 * numbers, wrong types, unknown fields, missing required fields, broken percent-encoding, and
 * values at the very edge of what the schema allows (where the database, not the schema, has the
 * last word). Whatever the request, the answer is never 5xx, every 4xx is in the API's error
 * format, and the database never has to refuse a value: its refusal answers 400 as a last line
 * of defence, with a warning in the log, which fails the run here.
 *
 * Arguments are chosen so that the run cannot cut its own branch; nothing is skipped:
 * - sign-out ends a second session of the admin, not the one the run uses;
 * - operations that change a person never target the admin themself (deactivating, re-inviting,
 *   changing the sign-in email or roles would end the run's session);
 * - the people import never deactivates people missing from the file (that would be the admin).
 * Reads run first and deletions last, so the records the run made stay there for most of it.
 */

const t = await createTestApp();
/** Warnings and errors the app logs while a request runs: the failure message shows them. */
const logged: string[] = [];
t.ctx.log = createLogger('warn', { write: (line: string) => void logged.push(line) });
const doc = (await client(t).get('openapi.json')).body as OpenApi;
/** Requests per operation; PROPERTY_RUNS=200 searches harder (the suite's default keeps it to seconds). */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 20);

type JsonSchema = Record<string, any>;
type Parameter = { name: string; in: 'path' | 'query' | 'header' | 'cookie'; required?: boolean; schema: JsonSchema };
type Operation = { parameters?: Parameter[]; requestBody?: { required?: boolean; content: Record<string, { schema: JsonSchema }> } };
type OpenApi = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, JsonSchema> } };

// ---------------------------------------------------------------------------------------------
// The organisation the run works in: an admin, people, a department, courses with enrolments, a
// live session, a quiz attempt; every list the admin can read then feeds the pool of real ids.

/** A fixture the run depends on: if the API refuses it, the run would test less without saying so. */
async function must<T = any>(what: string, res: Promise<{ status: number; body: T }>): Promise<T> {
  const r = await res;
  if (r.status >= 300) throw new Error(`fixture ${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

const org = await createOrg(t);
const admin = await createUser(t, org.id, { roles: ['admin'] });
const asAdmin = await signInAs(t, admin);
const secondSession = await signInAs(t, admin);
const learner = await createUser(t, org.id, { managerId: admin.person.id });
const asLearner = await signInAs(t, learner);
const dept = await createDepartment(t, org.id, 'Engineering');
await createPerson(t, org.id, { departmentId: dept.id, managerId: learner.person.id });
const { course } = await createPublishedCourse(t, org.id);
const { course: quizCourse } = await createPublishedCourse(t, org.id);
const { course: liveCourse } = await createPublishedCourse(t, org.id, { format: 'live' });
const [adminEnrollment] = await enrollPeople(t, org.id, { courseId: course.id }, [admin.person.id]);
const [quizEnrollment] = await enrollPeople(t, org.id, { courseId: quizCourse.id }, [admin.person.id]);
const [learnerEnrollment] = await enrollPeople(t, org.id, { courseId: course.id }, [learner.person.id]);
await takeSampleCourse(asAdmin, adminEnrollment!.id);
const attempt = await must<any>('quiz attempt', asAdmin.post(`enrollments/${quizEnrollment!.id}/quizzes/quiz1/attempts`));
await must('learner attempt', asLearner.post(`enrollments/${learnerEnrollment!.id}/quizzes/quiz1/attempts`));
const start = t.clock.now().getTime() + 86_400_000;
await must('session', asAdmin.post(`courses/${liveCourse.id}/sessions`, {
  startsAt: new Date(start).toISOString(),
  endsAt: new Date(start + 3_600_000).toISOString(),
  timeZone: 'Europe/Berlin',
  location: 'Room 1',
  capacity: 10,
}));
await must('group', asAdmin.post('groups', { name: 'Everyone here', kind: 'static' }));
await must('skill', asAdmin.post('skills', { name: 'Writing' }));
await must('custom field', asAdmin.post('custom-fields', { key: 'cost_center', label: 'Cost center', type: 'text' }));
const program = await must<any>('program', asAdmin.post('programs', { title: 'Onboarding' }));
const steps = await must<any>('program steps', asAdmin.put(`programs/${program.id}/steps`, {
  steps: [
    { kind: 'checkpoint', title: 'Show your work', evidenceKinds: ['text', 'link'], approver: 'manager' },
    { kind: 'course', courseId: course.id },
  ],
}));
await must('program publish', asAdmin.post(`programs/${program.id}/publish`));
const [learnerInProgram] = await enrollPeople(t, org.id, { programId: program.id }, [learner.person.id]);
await enrollPeople(t, org.id, { programId: program.id }, [admin.person.id]);
// Evidence the admin, the learner's manager, can approve or return.
await must('checkpoint evidence', asLearner.post(`enrollments/${learnerInProgram!.id}/checkpoints/${steps.steps[0].id}/submissions`, { text: 'Done' }));
await must('compliance rule', asAdmin.post('compliance-rules', { name: 'Security yearly', courseId: course.id, audience: { type: 'everyone' }, validForMonths: 12 }));
await must('api token', asAdmin.post('api-tokens', { name: 'sync', scopes: ['read'] }));
await must('external learning', asAdmin.post(`people/${learner.person.id}/external-learning`, { title: 'Conference', completedOn: '2025-01-01' }));
const file = await must<any>('file', uploadFile(asAdmin, tinyPng, 'cover.png', 'cover'));
const certificates = await must<any>('certificates', asAdmin.get('certificates'));

const pool = new Map<string, Set<string>>();
const addId = (collection: string, id: unknown) => {
  if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/.test(id)) return;
  if (!pool.has(collection)) pool.set(collection, new Set());
  pool.get(collection)!.add(id);
};
addId('people', admin.person.id);
addId('people', learner.person.id);
addId('courses', course.id);
addId('quiz-attempts', attempt.attempt?.id);
addId('files', file.id);
for (const step of steps.steps ?? []) addId('steps', step.id);
const codes = (certificates.data ?? []).map((c: { verificationCode?: string }) => c.verificationCode).filter(Boolean) as string[];
for (const [path, ops] of Object.entries(doc.paths)) {
  if (!ops.get || path.includes('{') || path.endsWith('.csv')) continue;
  const res = await asAdmin.get(path.slice(1));
  const collection = path.split('/')[1]!;
  const items = Array.isArray(res.body?.data) ? res.body.data : Array.isArray(res.body) ? res.body : [];
  for (const item of items) addId(collection, item?.id);
}
for (const id of pool.get('courses') ?? []) {
  const sessions = await asAdmin.get(`courses/${id}/sessions`);
  for (const s of Array.isArray(sessions.body?.data) ? sessions.body.data : Array.isArray(sessions.body) ? sessions.body : []) addId('sessions', s.id);
}
const allIds = [...new Set([...pool.values()].flatMap((s) => [...s]))];
/** The admin's own records: changing them would end the run's session. */
const selfIds = new Set([admin.person.id, admin.account.id]);

const aliases: Record<string, string> = {
  learning: 'files',
  file: 'files',
  coverFile: 'files',
  evidenceFile: 'files',
  step: 'steps',
  'checkpoint-submissions': 'checkpoint-submissions',
  instructor: 'people',
  catalog: 'courses',
  reports: 'courses',
  'org-chart': 'people',
  person: 'people',
  manager: 'people',
  approver: 'people',
  actor: 'people',
  record: 'people',
  course: 'courses',
  program: 'programs',
  department: 'departments',
  group: 'groups',
  skill: 'skills',
  rule: 'compliance-rules',
  compliance: 'compliance-rules',
  enrollment: 'enrollments',
  session: 'sessions',
  root: 'people',
};

/** Real ids where the name says what they are, any id or a fresh one otherwise. */
function idArb(hint: string, write: boolean): fc.Arbitrary<string> {
  const key = aliases[hint.replace(/Ids?$/, '')] ?? hint;
  const usable = (ids: Iterable<string>) => [...ids].filter((id) => !(write && selfIds.has(id)));
  const own = usable(pool.get(key) ?? []);
  const any = usable(allIds);
  const choices = [{ weight: 1, arbitrary: fc.uuid() }];
  if (own.length) choices.push({ weight: 6, arbitrary: fc.constantFrom(...own) });
  if (any.length) choices.push({ weight: 2, arbitrary: fc.constantFrom(...any) });
  return fc.oneof(...choices);
}

// ---------------------------------------------------------------------------------------------
// Hostile values.

const controls = [
  '\u0000', 'a\u0000b', '\u0001', '\u0008', '\u000b', '\u000c', '\u000e', '\u001b[31m', '\u001f', '\u007f',
  '\ud800', 'x\udfffy', '\udc00\ud800', 'ok\u0000',
];
const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...controls),
  fc.tuple(fc.string(), fc.constantFrom(...controls), fc.string()).map(([a, c, b]) => a + c + b),
  fc.constantFrom('x'.repeat(100_000), 'é'.repeat(50_000), '😀'.repeat(30_000), ' '.repeat(5_000)),
  fc.constantFrom('', ' ', "'; drop table person; --", '%00', '%', '../../etc/passwd', '<script>alert(1)</script>'),
  fc.constantFrom('0', '-1', 'NaN', 'Infinity', '-Infinity', '1e308', '99999999999999999999', 'null', 'true', '[]', '{}'),
  fc.constantFrom('0000-01-01T00:00:00.000Z', '-271821-04-20T00:00:00.000Z', '+275760-09-13T00:00:00.000Z', '2024-02-30', '9999-12-31'),
);
const hostileNumber = fc.constantFrom(1e308, -1e308, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), 2 ** 31, -(2 ** 31) - 1, 2 ** 63, 0.5, -0.000001, 5e-324, -1);
const wrongType = fc.constantFrom<unknown>(null, true, false, [], {}, [1, 'a', null], { a: { b: [] } }, 'string', 0, -1);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(hostileString, hostileNumber, wrongType);

// ---------------------------------------------------------------------------------------------
// Values from a schema. `flavor` picks what the leaves are: ordinary values, values at the edge
// of what the schema allows, ordinary values with control characters or lone surrogates in half
// of their strings, or (with some probability per node) a value of the wrong kind altogether.

type Flavor = 'normal' | 'edge' | 'control' | 'wrong';
type GenCtx = { flavor: Flavor; depth: number; name: string; write: boolean };

const resolve = (s: JsonSchema): JsonSchema => (s?.$ref ? doc.components.schemas[String(s.$ref).split('/').pop()!]! : s);

function gen(raw: JsonSchema, ctx: GenCtx): fc.Arbitrary<unknown> {
  const s = resolve(raw);
  const base = genConforming(s, ctx);
  if (ctx.flavor !== 'wrong') return base;
  return fc.oneof({ weight: 5, arbitrary: base }, { weight: 1, arbitrary: hostileValue });
}

function genConforming(s: JsonSchema, ctx: GenCtx): fc.Arbitrary<unknown> {
  if (!s || typeof s !== 'object') return fc.constant(null);
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return withControls(fc.constantFrom(...s.enum), ctx);
  const branches = s.oneOf ?? s.anyOf;
  if (Array.isArray(branches)) return fc.oneof(...branches.map((b: JsonSchema) => gen(b, { ...ctx, depth: ctx.depth + 1 })));
  if (Array.isArray(s.allOf)) return genConforming(mergeAll(s.allOf.map(resolve)), ctx);
  const types: string[] = Array.isArray(s.type) ? s.type : s.type ? [s.type] : s.properties ? ['object'] : [];
  if (!types.length) return fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean(), fc.constant(null));
  const nonNull = types.filter((x) => x !== 'null');
  // An edge request takes each leaf to its limit or not, so that the others let it through.
  const leaf = (type: string) =>
    ctx.flavor === 'edge' && ['string', 'integer', 'number'].includes(type)
      ? fc.oneof(genType(type, s, ctx), genType(type, s, { ...ctx, flavor: 'normal' }))
      : ctx.flavor === 'control' && type === 'string'
        ? withControls(genType(type, s, { ...ctx, flavor: 'normal' }), ctx)
        : genType(type, s, ctx);
  const arbs = nonNull.map(leaf);
  if (types.includes('null')) arbs.push(fc.constant(null));
  return arbs.length === 1 ? arbs[0]! : fc.oneof(...arbs);
}

/** In a control request, half the strings carry a control character or a lone surrogate somewhere. */
function withControls(arb: fc.Arbitrary<unknown>, ctx: GenCtx): fc.Arbitrary<unknown> {
  if (ctx.flavor !== 'control') return arb;
  const spoiled = arb.chain((v) => {
    const str = String(v);
    // NUL half of the time: the one PostgreSQL itself refuses.
    return fc.tuple(fc.oneof(fc.constant('\u0000'), fc.constantFrom(...controls)), fc.nat({ max: str.length })).map(([c, i]) => str.slice(0, i) + c + str.slice(i));
  });
  return fc.oneof(arb, spoiled);
}

function mergeAll(parts: JsonSchema[]): JsonSchema {
  const out: JsonSchema = { type: 'object', properties: {}, required: [] };
  for (const p of parts) {
    Object.assign(out.properties, p.properties ?? {});
    out.required.push(...(p.required ?? []));
    if (p.additionalProperties === false) out.additionalProperties = false;
  }
  return out;
}

function genType(type: string, s: JsonSchema, ctx: GenCtx): fc.Arbitrary<unknown> {
  const edge = ctx.flavor === 'edge';
  switch (type) {
    case 'string':
      return genString(s, ctx);
    case 'integer': {
      const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : undefined);
      const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : undefined);
      if (edge) {
        return fc.constantFrom(min ?? -(2 ** 53 - 1), max ?? 2 ** 53 - 1, max ?? 2 ** 31, min ?? -(2 ** 31) - 1, min ?? 0);
      }
      return fc.integer({ min: Math.max(min ?? -1000, -(2 ** 31)), max: Math.min(max ?? 1000, 2 ** 31 - 1) });
    }
    case 'number': {
      const min = s.minimum ?? s.exclusiveMinimum;
      const max = s.maximum ?? s.exclusiveMaximum;
      if (edge) return fc.constantFrom(min ?? -1e308, max ?? 1e308, max ?? 2 ** 53, min ?? 5e-324, max ?? Number.MAX_VALUE);
      return fc.double({ min: min ?? -1e6, max: max ?? 1e6, noNaN: true, noDefaultInfinity: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const item = s.items ? gen(s.items, { ...ctx, depth: ctx.depth + 1 }) : fc.string({ maxLength: 10 });
      const minLength = s.minItems ?? 0;
      if (ctx.depth > 5) return minLength ? fc.array(item, { minLength, maxLength: minLength }) : fc.constant([]);
      if (edge) {
        // At the cap, or a long list where the schema has none (a list of ids, names or rows), of
        // ordinary items; or a short list of items at their own limits.
        const n = Math.max(minLength, Math.min(s.maxItems ?? 300, 300));
        const ordinary = s.items ? gen(s.items, { ...ctx, flavor: 'normal', depth: ctx.depth + 1 }) : item;
        return fc.oneof(fc.array(ordinary, { minLength: n, maxLength: n }), fc.array(item, { minLength, maxLength: Math.max(minLength, Math.min(s.maxItems ?? 2, 2)) }));
      }
      return fc.array(item, { minLength, maxLength: Math.max(minLength, Math.min(s.maxItems ?? 3, 3)) });
    }
    case 'object':
      return genObject(s, ctx);
    default:
      return fc.constant(null);
  }
}

function genString(s: JsonSchema, ctx: GenCtx): fc.Arbitrary<string> {
  const edge = ctx.flavor === 'edge';
  const minLength = s.minLength ?? 0;
  if (s.format === 'uuid') return idArb(ctx.name, ctx.write);
  if (s.format === 'date-time') {
    if (edge) return fc.constantFrom('0000-01-01T00:00:00.000Z', '0001-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999-14:00', '1970-01-01T00:00:00.000Z');
    return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
  }
  if (s.format === 'date') {
    if (edge) return fc.constantFrom('0000-01-01', '0001-01-01', '9999-12-31', '2024-02-29');
    return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  }
  if (s.format === 'email') return edge ? fc.constant(`${'a'.repeat(60)}@${'b'.repeat(180)}.example`) : fc.emailAddress();
  if (s.format === 'uri') {
    return fc.constantFrom('https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://player.vimeo.com/video/1', 'https://example.com/a', 'javascript:alert(1)');
  }
  if (s.format === 'binary') return fc.string({ maxLength: 50 });
  const named = byName(ctx.name, edge);
  if (named && !s.format) {
    // What a field's name asks for, so that requests get past the schema's refinements.
    return s.pattern ? named.filter((x) => new RegExp(s.pattern).test(x)) : named;
  }
  if (s.pattern) {
    const re = new RegExp(s.pattern);
    const matching = fc.stringMatching(re).filter((x) => x.length >= minLength && x.length <= (s.maxLength ?? Infinity));
    return edge ? fc.oneof(matching, fc.constant('9'.repeat(Math.min(s.maxLength ?? 400, 400)))) : matching;
  }
  if (edge) {
    // As long as the schema allows, or 100 kB where it sets no bound; in one- to four-byte UTF-8.
    const n = Math.min(s.maxLength ?? 100_000, 100_000);
    return fc.constantFrom('x', 'é', '€', '😀').map((ch) => ch.repeat(Math.max(minLength, Math.floor(n / ch.length))).slice(0, Math.max(minLength, n)));
  }
  return fc.string({ minLength: Math.max(minLength, 1), maxLength: Math.max(minLength, Math.min(s.maxLength ?? 30, 30)) });
}

const OMIT = Symbol('omit');

const dates = (min: string, max: string) => fc.date({ min: new Date(min), max: new Date(max), noInvalidDate: true });

/** Values for fields whose name says what they hold: ordinary ones, or the far ends of their range. */
function byName(name: string, edge: boolean): fc.Arbitrary<string> | undefined {
  if (/email/i.test(name)) return edge ? fc.constant(`${'a'.repeat(64)}@${'b'.repeat(60)}.test`) : fc.stringMatching(/^[a-z]{1,12}@[a-z]{1,8}\.test$/);
  if (/timeZone/i.test(name)) return edge ? fc.constantFrom('Pacific/Kiritimati', 'Etc/GMT+12', 'America/Argentina/ComodRivadavia') : fc.constantFrom('Europe/Berlin', 'UTC', 'America/New_York');
  if (/locale/i.test(name)) return fc.constantFrom('en-GB', 'de-DE', 'fr');
  if (/(Date|On)$/.test(name)) {
    return edge ? fc.constantFrom('0000-01-01', '0001-01-01', '9999-12-31', '1900-02-28') : dates('2000-01-01', '2024-01-01').map((d) => d.toISOString().slice(0, 10));
  }
  if (/(At|From|To)$/.test(name)) {
    return edge
      ? fc.constantFrom('0000-01-01T00:00', '0001-01-01T00:00', '9999-12-31T23:59:59.999-14:00', '9999-12-31T23:59:59+14:00')
      : dates('2030-01-01', '2031-01-01').map((d) => d.toISOString());
  }
  if (/Url$|^url$/i.test(name)) return fc.constantFrom('https://example.com/a', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ');
  return undefined;
}

function genObject(s: JsonSchema, ctx: GenCtx): fc.Arbitrary<unknown> {
  const props: Record<string, JsonSchema> = s.properties ?? {};
  const required = new Set<string>(s.required ?? []);
  const keys = Object.keys(props).filter((k) => ctx.depth <= 5 || required.has(k));
  // Optional fields often exclude each other (a course or a program): ordinary requests send few.
  const omitWeight = ctx.flavor === 'normal' ? 3 : 1;
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const k of keys) {
    const value = gen(props[k]!, { ...ctx, depth: ctx.depth + 1, name: k });
    // A file field is what an upload is about: left out only by hostile requests.
    const needed = required.has(k) || (resolve(props[k]!).format === 'binary' && ctx.flavor !== 'wrong');
    model[k] = needed ? value : fc.oneof({ weight: omitWeight, arbitrary: fc.constant(OMIT) }, { weight: 1, arbitrary: value });
  }
  let obj: fc.Arbitrary<Record<string, unknown>> = fc
    .record(model)
    .map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== OMIT)));
  if (s.additionalProperties && typeof s.additionalProperties === 'object' && ctx.depth <= 5) {
    const extra = fc.dictionary(fc.string({ minLength: 1, maxLength: 20 }), gen(s.additionalProperties, { ...ctx, depth: ctx.depth + 1 }), { maxKeys: ctx.flavor === 'edge' ? 50 : 3 });
    obj = fc.tuple(obj, extra).map(([a, b]) => ({ ...b, ...a }));
  }
  if (ctx.flavor === 'control') {
    // A field whose name carries the control character.
    // (Not often: a strict schema refuses an unknown field before the values reach anything.)
    const key = fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...controls), fc.string({ maxLength: 8 })) });
    return fc.tuple(obj, key).map(([o, k]) => (k ? { ...o, [k.join('')]: 'x' } : o));
  }
  if (ctx.flavor !== 'wrong') return obj;
  // Unknown fields (their names hostile too) and required fields left out.
  return fc.tuple(obj, fc.option(fc.tuple(fc.oneof(fc.string({ maxLength: 10 }), hostileString), hostileValue)), fc.option(fc.constantFrom(...(required.size ? [...required] : ['-'])))).map(([o, extra, drop]) => {
    const out = { ...o };
    if (extra) out[extra[0]] = extra[1];
    if (drop) delete out[drop];
    return out;
  });
}

// ---------------------------------------------------------------------------------------------
// Requests.

type FormEntry = [string, string | { name: string; bytes: string }];
type Req = { method: string; path: string; body?: unknown; form?: FormEntry[]; headers?: Record<string, string>; flavor?: Flavor };

function formData(entries: FormEntry[]): FormData {
  const data = new FormData();
  for (const [k, v] of entries) {
    data.append(k, typeof v === 'string' ? v : new File([v.bytes === 'png' ? new Uint8Array(tinyPng) : v.bytes], v.name));
  }
  return data;
}

const malformedEncoding = fc.constantFrom('%', '%E0%A4%A', '%ZZ', '%C0%80', '%ED%A0%80');

/** Percent-encoded; a lone surrogate has no UTF-8, so it goes as the bytes a careless client sends. */
const encode = (v: string) =>
  encodeURIComponent(v.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')).replace(/%EF%BF%BD/g, '%ED%A0%80');

function segment(value: unknown, flavor: Flavor): fc.Arbitrary<string> {
  if (flavor !== 'wrong') return fc.constant(encode(String(value)));
  return fc.oneof({ weight: 4, arbitrary: fc.constant(encode(String(value))) }, { weight: 1, arbitrary: malformedEncoding });
}

const asText = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** A query value, encoded: the schema's as text, hostile text, or a broken percent-encoding. */
function queryValue(p: Parameter, ctx: GenCtx): fc.Arbitrary<string> {
  const value = gen(p.schema, { ...ctx, name: p.name }).map(asText);
  if (ctx.flavor !== 'wrong') return value.map(encode);
  return fc.oneof(value.map(encode), hostileString.map(encode), malformedEncoding);
}

function requestArb(method: string, template: string, op: Operation): fc.Arbitrary<Req> {
  const write = method !== 'get';
  const params = op.parameters ?? [];
  const flavor = fc.constantFrom<Flavor>('normal', 'edge', 'control', 'wrong');
  return flavor.chain((f) => {
    const ctx: GenCtx = { flavor: f, depth: 0, name: '', write };
    const pathArbs: Record<string, fc.Arbitrary<string>> = {};
    for (const p of params.filter((x) => x.in === 'path')) {
      const known: Record<string, string[]> = { lessonId: ['l1', 'l2', 'nope'], quizId: ['quiz1', 'nope'], code: [...codes, 'NOPE-1234'] };
      const value = known[p.name] && f !== 'wrong' ? fc.constantFrom(...known[p.name]!) : gen(p.schema, { ...ctx, name: p.name === 'id' ? template.split('/')[1]! : p.name });
      pathArbs[p.name] = value.chain((v) => segment(v, f));
    }
    const queryArbs: Record<string, fc.Arbitrary<string>> = {};
    for (const p of params.filter((x) => x.in === 'query')) {
      // The import never deactivates those missing from its file: the admin would be one of them.
      if (p.name === 'deactivateMissing') queryArbs[p.name] = fc.constant('false');
      // A cursor is only ever one the server made; a made-up one is simply refused.
      else if (p.name !== 'cursor' || f !== 'normal') queryArbs[p.name] = queryValue(p, ctx);
    }
    const content = op.requestBody?.content ?? {};
    const json = content['application/json'];
    const form = content['multipart/form-data'];
    const csv = content['text/csv'];
    const bodyArb: fc.Arbitrary<Pick<Req, 'body' | 'form' | 'headers'>> = json
      ? f === 'wrong'
        ? fc.oneof(
            { weight: 8, arbitrary: gen(json.schema, ctx).map((body) => ({ body })) },
            // Not an object, not JSON at all, or nested past any schema's depth.
            { weight: 2, arbitrary: fc.constantFrom<Pick<Req, 'body' | 'form' | 'headers'>>(
              { body: '{"a":', headers: { 'content-type': 'application/json' } },
              { body: '[1e999]', headers: { 'content-type': 'application/json' } },
              { body: '"\\u0000"', headers: { 'content-type': 'application/json' } },
              { body: '['.repeat(5000) + ']'.repeat(5000), headers: { 'content-type': 'application/json' } },
              { body: 'email=a', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
              { body: null },
            ) },
          )
        : gen(json.schema, ctx).map((body) => ({ body }))
      : form
        ? fc.tuple(gen(form.schema, { ...ctx, depth: 1 }), fc.constantFrom('png', 'plain text', 'WEBVTT\n\n00:00.000 --> 00:01.000\nhi\n')).map(([fields, bytes]) => {
            // Binary fields become files named after the generated value (hostile names included).
            const entries: FormEntry[] = Object.entries((fields ?? {}) as Record<string, unknown>).map(([k, v]) =>
              resolve(resolve(form.schema).properties?.[k] ?? {}).format === 'binary' ? [k, { name: asText(v).slice(0, 300), bytes }] : [k, asText(v)],
            );
            return { form: entries };
          })
        : csv
          ? fc.array(fc.array(withControls(fc.string({ maxLength: 12 }), ctx) as fc.Arbitrary<string>, { minLength: 3, maxLength: 3 }), { maxLength: 3 }).map((rows) => ({
              body: ['email,firstName,lastName', ...rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(','))].join('\n'),
              headers: { 'content-type': 'text/csv' },
            }))
          : fc.constant({});
    const queryRecord = fc
      .record(Object.fromEntries(Object.entries(queryArbs).map(([k, a]) => [k, fc.oneof({ weight: f === 'normal' ? 2 : 1, arbitrary: fc.constant(OMIT) }, { weight: 1, arbitrary: a })])))
      .map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== OMIT)) as Record<string, string>);
    return fc.record({ path: fc.record(pathArbs), query: queryRecord, body: bodyArb }).map(({ path, query, body }) => {
      const filled = template.replace(/\{(\w+)\}/g, (_, name: string) => path[name]!);
      const qs = Object.entries(query)
        .map(([k, v]) => `${encodeURIComponent(k)}=${v}`)
        .join('&');
      return { method: method.toUpperCase(), path: `/api/v1${filled}${qs ? `?${qs}` : ''}`, ...body, flavor: f };
    });
  });
}

// ---------------------------------------------------------------------------------------------

const order = { get: 0, post: 1, put: 1, patch: 1, delete: 2 } as Record<string, number>;
const operations = Object.entries(doc.paths)
  .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ method, path, op })))
  .sort((a, b) => (order[a.method] ?? 1) - (order[b.method] ?? 1));

const ErrorFormat = expect.objectContaining({
  error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }),
});

describe('every operation of the OpenAPI document, with hostile requests', () => {
  it.each(operations.map((o) => [`${o.method.toUpperCase()} ${o.path}`, o] as const))('%s never answers 5xx, and answers 4xx in the error format', async (_, { method, path, op }) => {
    const caller: Client = path === '/auth/sign-out' ? secondSession : asAdmin;
    await fc.assert(
      fc.asyncProperty(requestArb(method, path, op), async (req) => {
        logged.length = 0;
        const res = await caller.call(req.method, req.path, req.form ? formData(req.form) : req.body, req.headers);
        const summary = `${req.method} ${req.path.slice(0, 300)} -> ${res.status} ${JSON.stringify(res.body)?.slice(0, 300)}\n${logged.join('\n').slice(0, 2000)}`;
        expect(res.status, summary).toBeLessThan(500);
        if (res.status >= 400) {
          expect(res.body, summary).toEqual(ErrorFormat);
          if ('details' in res.body.error) expect(Array.isArray(res.body.error.details), summary).toBe(true);
        }
        // The database's refusal answers 400 as a last line of defence; the schemas should not need it.
        expect(logged.filter((l) => l.includes('database refused a value')), summary).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});
