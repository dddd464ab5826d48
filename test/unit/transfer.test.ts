/**
 * A catalog document and its import plan (shared/transfer.ts), and a CSV list as a document
 * (shared/transfer-csv.ts): what would be added, changed or left, and refusals by path.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { demoDepartments, demoServices } from '#functions/local/demo-data.ts';
import type { BusinessCalendar, Department, Service } from '#shared/model.ts';
import { loadPatterns } from '#shared/pattern-engine.ts';
import {
  exportDocument,
  type ImportCurrent,
  importedService,
  namedPeople,
  planImport,
  readDocument,
  type TransferDocument,
} from '#shared/transfer.ts';
import { csvDocument, idFromName, resolutionMinutes } from '#shared/transfer-csv.ts';

const department: Department = { ...demoDepartments.find((d) => d.code === 'HR')!, version: 3 };
const services: Service[] = demoServices
  .filter((s) => s.department === 'HR')
  .map((s, i) => ({ ...s, status: i === 0 ? 'published' : 'draft', version: 2, updatedAt: '2026-11-01T00:00:00Z' }));
const everyone = new Set(['henry', 'hana', 'olivia', 'ivan', 'iris', 'fiona', 'felix', 'anna']);

function current(overrides: Partial<ImportCurrent> = {}): ImportCurrent {
  return { department, services, people: everyone, elsewhere: new Set(), ...overrides };
}

/** The document through JSON and the schema, as the API reads it. */
function read(value: unknown): TransferDocument {
  const result = readDocument(JSON.parse(JSON.stringify(value)));
  if (!result.document) throw new Error(`refused: ${JSON.stringify(result.problems)}`);
  return result.document;
}

beforeAll(async () => {
  await loadPatterns();
});

describe('export and plan', () => {
  it('round-trips: the department’s own document changes nothing', () => {
    expect(services.length).toBeGreaterThan(1);
    const document = read(exportDocument(department, services));
    expect(document.department?.name).toBe(department.name);
    expect(document).not.toHaveProperty('department.headId');
    expect(document.services.map((s) => s.id)).toEqual(services.map((s) => s.id).sort());
    expect(document.services[0]).not.toHaveProperty('status');
    expect(document.services[0]).not.toHaveProperty('version');
    const plan = planImport(current(), document);
    expect(plan.problems).toEqual({});
    expect(plan.department).toEqual({ change: 'unchanged', fields: [] });
    expect(plan.services.every((s) => s.change === 'unchanged')).toBe(true);
  });

  it('says which top-level fields of a service changed, which services are new, and what the department changes', () => {
    const document = read(exportDocument(department, services));
    const first = document.services[0]!;
    first.summary = `${first.summary} Now faster.`;
    first.standard = { ...first.standard, resolutionMinutes: first.standard.resolutionMinutes + 60 };
    document.services.push({ ...first, id: 'hr-new-one', name: 'A new one' });
    document.department = { ...document.department!, name: 'People & Culture' };
    const plan = planImport(current(), document);
    expect(plan.problems).toEqual({});
    expect(plan.services[0]).toMatchObject({ id: first.id, change: 'changed', fields: ['summary', 'standard'] });
    expect(plan.services.at(-1)).toMatchObject({ id: 'hr-new-one', change: 'added', status: 'draft' });
    expect(plan.services.slice(1, -1).every((s) => s.change === 'unchanged')).toBe(true);
    expect(plan.department).toEqual({ change: 'changed', fields: ['name'] });
  });

  it('counts a field the document leaves out as changed, and the import removes it', () => {
    const withTags = services.find((s) => s.tags.length > 0)!;
    const document = read(exportDocument(undefined, [{ ...withTags, titleTemplate: '{nothing}' }]));
    const { titleTemplate: _gone, ...rest } = document.services[0]!;
    const plan = planImport(current({ services: [{ ...withTags, titleTemplate: 'Old' }] }), {
      ...document,
      services: [{ ...rest, titleTemplate: undefined }] as TransferDocument['services'],
    });
    expect(plan.services[0]).toMatchObject({ change: 'changed', fields: ['titleTemplate'] });
    const written = importedService('HR', rest as TransferDocument['services'][number], {
      ...withTags,
      titleTemplate: 'Old',
    });
    expect(written).not.toHaveProperty('titleTemplate');
    expect(written.status).toBe(withTags.status);
    expect(written.version).toBe(withTags.version);
  });

  it('refuses a malformed document by path with the catalogue’s codes', () => {
    const document = JSON.parse(JSON.stringify(exportDocument(department, services)));
    document.services[1].form[0].kind = 'hologram';
    document.services[0].name = '';
    document.version = 2;
    delete document.department.calendar.timeZone;
    const result = readDocument(document);
    expect(result.document).toBeUndefined();
    expect(result.problems).toMatchObject({
      'services.1.form.0.kind': { code: 'not_option' },
      'services.0.name': { code: 'required' },
      version: { code: 'not_option' },
      'department.calendar.timeZone': { code: 'required' },
    });
    expect(readDocument({ format: 'something.else', version: 1, services: [] }).problems).toMatchObject({
      format: { code: 'not_option' },
    });
  });

  it('holds each service to the checks of a hand-made one, with the path in the document', () => {
    const document = read(exportDocument(department, services));
    const target = document.services[1]!;
    target.form = [target.form[0]!, { ...target.form[0]! }];
    target.standard = { ...target.standard, firstResponseMinutes: target.standard.resolutionMinutes + 1 };
    const plan = planImport(current(), document);
    expect(plan.problems).toMatchObject({
      'services.1.form.1.id': { code: 'id_used_twice' },
      'services.1.standard.firstResponseMinutes': { code: 'first_response_after_resolution' },
    });
  });

  it('keeps people’s ids and refuses one without a profile where it is named', () => {
    const document = read(exportDocument(department, services));
    document.services[0]!.ownerId = 'someone-elsewhere';
    document.services[1]!.reportTo = ['henry', 'ghost'];
    document.services[1]!.approval = { kind: 'named', approvers: ['ghost'] };
    expect(namedPeople(document)).toEqual(expect.arrayContaining(['someone-elsewhere', 'ghost', 'henry']));
    const plan = planImport(current(), document);
    expect(plan.problems).toEqual({
      'services.0.ownerId': { code: 'unknown_person' },
      'services.1.reportTo.1': { code: 'unknown_person' },
      'services.1.approval.approvers.0': { code: 'unknown_person' },
    });
    // A draft may have no owner yet; a published service may not lose its owner.
    for (const s of document.services) {
      s.ownerId = '';
      s.reportTo = [];
      s.approval = { kind: 'none' };
    }
    const published = document.services.findIndex((s) => s.id === services[0]!.id);
    expect(planImport(current(), document).problems).toEqual({
      [`services.${published}.ownerId`]: { code: 'required' },
    });
  });

  it('refuses an id another department holds, and an id twice', () => {
    const document = read(exportDocument(undefined, services.slice(0, 1)));
    const elsewhere = new Set([document.services[0]!.id]);
    const plan = planImport(current({ services: [], elsewhere }), {
      ...document,
      services: [document.services[0]!, document.services[0]!],
    });
    expect(plan.problems['services.0.id']).toEqual({ code: 'id_taken', params: { id: document.services[0]!.id } });
    expect(plan.problems['services.1.id']?.code).toBe('id_used_twice');
    // The same id in the department itself is an update, not a refusal.
    expect(planImport(current({ elsewhere }), document).problems).toEqual({});
  });

  it('refuses a department calendar without working hours', () => {
    const document = read(exportDocument(department, []));
    document.department!.calendar = { timeZone: 'Europe/Warsaw', hours: {}, holidays: [] };
    expect(planImport(current(), document).problems['department.calendar']?.code).toBe('no_working_hours');
  });
});

describe('a CSV list of services', () => {
  const weekdays = (start: string, end: string): BusinessCalendar => ({
    timeZone: 'Europe/Warsaw',
    hours: Object.fromEntries(['1', '2', '3', '4', '5'].map((d) => [d, [{ start, end }]])),
    holidays: [],
  });
  const eight = weekdays('09:00', '17:00');

  it('reads resolution targets in working hours or days', () => {
    expect(resolutionMinutes('16h', 'en', eight)).toEqual({ ok: true, minutes: 960 });
    expect(resolutionMinutes('3d', 'en', eight)).toEqual({ ok: true, minutes: 3 * 480 });
    expect(resolutionMinutes('1,5 dnia roboczego', 'pl', eight)).toEqual({ ok: true, minutes: 720 });
    expect(resolutionMinutes('2 working days', 'pl', eight)).toEqual({ ok: true, minutes: 960 });
    expect(resolutionMinutes('4', 'en', eight)).toEqual({ ok: true, minutes: 240 });
    expect(resolutionMinutes('soon', 'en', eight)).toEqual({ ok: false, code: 'duration_unreadable' });
    expect(resolutionMinutes('0h', 'en', eight)).toEqual({ ok: false, code: 'duration_not_positive' });
    expect(idFromName('HR', 'Zaświadczenie o pracy — PL')).toBe('hr-zaswiadczenie-o-pracy-pl');
  });

  it('counts a day as the department’s own working day: 7.5 h, or 24 h around the clock', () => {
    const short = weekdays('08:00', '15:30');
    expect(resolutionMinutes('2 days', 'en', short)).toEqual({ ok: true, minutes: 900 });
    expect(resolutionMinutes('2 dni robocze', 'pl', short)).toEqual({ ok: true, minutes: 900 });
    const always = { ...eight, always: true };
    expect(resolutionMinutes('2d', 'en', always)).toEqual({ ok: true, minutes: 2 * 24 * 60 });
    // Hours stay hours whatever the day.
    expect(resolutionMinutes('16h', 'en', always)).toEqual({ ok: true, minutes: 960 });
    // The whole list: a row's days and an empty resolution's five days alike.
    const csv = 'name,summary,resolution\nA,B,1d\nC,D,';
    const services = (rows: BusinessCalendar) =>
      readDocument(csvDocument(csv, 'HR', 'en', rows).document).document!.services.map((s) => s.standard);
    expect(services(short)).toMatchObject([
      { resolutionMinutes: 450, firstResponseMinutes: 240 },
      { resolutionMinutes: 5 * 450 },
    ]);
    expect(services(always)).toMatchObject([{ resolutionMinutes: 1440 }, { resolutionMinutes: 5 * 1440 }]);
  });

  it('becomes a document of draft services, one per row, worded in the importer’s language', () => {
    const csv = [
      'Name;Summary;Tags;Owner;Resolution;Description',
      'Zaświadczenie o pracy;Potwierdzenie zatrudnienia;kadry, dokumenty;henry;2d;Dla banku lub urzędu',
      '"Laptop; spare";A spare laptop for a day;;hana@example.com;8h;',
    ].join('\r\n');
    const { document, problems } = csvDocument(csv, 'HR', 'pl', eight);
    expect(problems).toEqual({});
    const read = readDocument(document);
    expect(read.problems).toBeUndefined();
    const [first, second] = read.document!.services;
    expect(first).toMatchObject({
      id: 'hr-zaswiadczenie-o-pracy',
      name: 'Zaświadczenie o pracy',
      summary: 'Potwierdzenie zatrudnienia',
      tags: ['kadry', 'dokumenty'],
      ownerId: 'henry',
      description: 'Dla banku lub urzędu',
      standard: { resolutionMinutes: 960, firstResponseMinutes: 240 },
      stages: [{ id: 'in-progress', name: 'W realizacji' }],
    });
    expect(second).toMatchObject({ id: 'hr-laptop-spare', name: 'Laptop; spare', ownerId: 'hana@example.com' });
    expect(second!.standard).toMatchObject({ resolutionMinutes: 480, firstResponseMinutes: 240 });
    const plan = planImport(current({ people: new Set(['henry']) }), read.document!);
    expect(plan.services.map((s) => s.change)).toEqual(['added', 'added']);
    // An email nobody has stays as it is and is refused where the owner goes.
    expect(plan.problems).toEqual({ 'services.1.ownerId': { code: 'unknown_person' } });
  });

  it('refuses missing and unknown columns, a bad resolution, a missing name and an unclosed quote', () => {
    expect(csvDocument('title,summary\nA,B', 'HR', 'en').problems).toEqual({
      columns: { code: 'unknown_keys', params: { keys: ['title'] } },
      'columns.name': { code: 'required' },
    });
    const rows = csvDocument('name,summary,resolution\nA,B,soon\n,C,2d', 'HR', 'en');
    expect(rows.problems).toEqual({ 'services.0.standard.resolutionMinutes': { code: 'duration_unreadable' } });
    expect(readDocument(rows.document).problems).toMatchObject({ 'services.1.name': { code: 'required' } });
    expect(csvDocument('name,summary\n"A,B\nC,D', 'HR', 'en').problems.csv?.code).toBe('csv_unreadable');
  });
});
