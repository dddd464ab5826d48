/**
 * Service templates through the API: a head lists them, adopts one as a draft of their department,
 * publishes it through the ordinary route, and an employee files an order of it; every template
 * adopted this way takes its own example filing. Refusals: unknown template, someone who is not the
 * head, another department's head, a taken id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderView, Problem, ServiceSummary, ServiceTemplateSummary } from '#shared/api.ts';
import { approvalNeeded } from '#shared/lifecycle.ts';
import type { OrderStatus, Service } from '#shared/model.ts';
import { findTemplate, SERVICE_TEMPLATES, type ServiceTemplate } from '#shared/templates/index.ts';
import { type Caller, createHarness, type Harness } from './harness.ts';

let h: Harness;
let henry: Caller;

beforeAll(async () => {
  // The examples' dates are in early 2027 and some fields refuse past dates: the clock stands before them.
  h = await createHarness({
    writeLimit: { burst: 1_000, perSecond: 100 },
    now: () => new Date('2027-01-04T09:00:00Z'),
  });
  henry = await h.as('henry');
});
afterAll(() => h?.close());

const adopt = (caller: Caller, code: string, body: unknown) =>
  caller.json<Service & Omit<Problem, 'status'>>('POST', `/api/v1/departments/${code}/services/from-template`, body);

describe('listing templates', () => {
  it('gives every template with its area, name and summary in the reader’s language', async () => {
    const list = await henry.json<ServiceTemplateSummary[]>('GET', '/api/v1/service-templates');
    expect(list.status).toBe(200);
    expect(list.body.map((t) => t.id)).toEqual(SERVICE_TEMPLATES.map((t) => t.id));
    const offboarding = findTemplate('employee-offboarding')!.service;
    expect(list.body.find((t) => t.id === 'employee-offboarding')).toEqual({
      id: 'employee-offboarding',
      area: 'hr',
      name: 'Offboard a leaving employee',
      summary: offboarding.summary,
      // What adopting it brings, so a head can choose before adopting.
      contains: {
        fields: offboarding.form.map((f) => f.label),
        inputs: offboarding.inputs.map((i) => i.label),
        deliverables: offboarding.deliverables.map((d) => d.label),
        stages: offboarding.stages.map((s) => s.name),
        standard: {
          firstResponseMinutes: offboarding.standard.firstResponseMinutes,
          resolutionMinutes: offboarding.standard.resolutionMinutes,
          always: offboarding.standard.always,
        },
      },
    });

    const polish = await henry.json<ServiceTemplateSummary[]>('GET', '/api/v1/service-templates?language=pl');
    expect(polish.body.find((t) => t.id === 'employee-offboarding')?.name).toBe('Odejście pracownika z firmy');
    const polishStages = findTemplate('employee-offboarding')!.service.translations.pl.stages ?? {};
    expect(polish.body.find((t) => t.id === 'employee-offboarding')?.contains.stages).toEqual(
      offboarding.stages.map((s) => polishStages[s.id] ?? s.name),
    );
    expect((await henry.request('GET', '/api/v1/service-templates?language=xx')).status).toBe(400);
  });

  it('speaks the person’s saved language when the portal does not ask for one', async () => {
    const carl = await h.as('carl');
    expect((await carl.json('PUT', '/api/v1/me/preferences', { language: 'pl' })).status).toBe(200);
    const list = await carl.json<ServiceTemplateSummary[]>('GET', '/api/v1/service-templates');
    expect(list.body.find((t) => t.id === 'nda')?.name).toBe('Umowa o zachowaniu poufności (NDA)');
    expect((await h.anonymous.request('GET', '/api/v1/service-templates')).status).toBe(401);
  });
});

describe('adopting a template', () => {
  const certificate = findTemplate('employment-certificate')!;

  it('creates a draft owned by the head, which the head publishes and an employee orders', async () => {
    const created = await adopt(henry, 'HR', { templateId: 'employment-certificate' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: 'hr-employment-certificate',
      department: 'HR',
      status: 'draft',
      ownerId: 'henry',
      name: 'Employment certificate',
      version: 1,
    });
    expect(created.body.form.map((f) => f.id)).toEqual(certificate.service.form.map((f) => f.id));
    expect(created.body.translations?.pl?.name).toBe('Zaświadczenie o zatrudnieniu');

    // A draft is the team's own until it is published.
    const anna = await h.as('anna');
    expect((await anna.request('GET', '/api/v1/services/hr-employment-certificate')).status).toBe(404);
    const catalog = await anna.json<ServiceSummary[]>('GET', '/api/v1/catalog');
    expect(catalog.body.some((s) => s.id === 'hr-employment-certificate')).toBe(false);

    const published = await henry.json<Service>('POST', '/api/v1/services/hr-employment-certificate/publish', {
      version: created.body.version,
    });
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');
    const listed = await anna.json<ServiceSummary[]>('GET', '/api/v1/catalog');
    expect(listed.body.find((s) => s.id === 'hr-employment-certificate')?.translations?.pl?.name).toBe(
      'Zaświadczenie o zatrudnieniu',
    );

    const order = await anna.json<OrderView>('POST', '/api/v1/orders', {
      serviceId: 'hr-employment-certificate',
      answers: certificate.example,
    });
    expect(order.status).toBe(201);
    expect(order.body.order).toMatchObject({
      department: 'HR',
      serviceId: 'hr-employment-certificate',
      status: 'open',
      stage: 'preparation',
      ownerId: 'henry',
      answers: certificate.example,
    });
    expect(order.body.order.deliverables.map((d) => d.id)).toEqual(['prepared', 'signed', 'sent']);
    // The form's conditions hold as in a service written by hand: salary basis is asked once salary is.
    const missing = await anna.json<Problem>('POST', '/api/v1/orders', {
      serviceId: 'hr-employment-certificate',
      answers: { ...certificate.example, salaryBasis: undefined },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.fields).toHaveProperty('answers.salaryBasis');
  });

  it('takes the head’s own id and name, and refuses a taken id with 409', async () => {
    const again = await adopt(henry, 'HR', { templateId: 'employment-certificate' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('service_exists');

    const named = await adopt(henry, 'HR', {
      templateId: 'employment-certificate',
      id: 'hr-certificate-visa',
      name: 'Certificate for a visa',
    });
    expect(named.status).toBe(201);
    expect(named.body).toMatchObject({ id: 'hr-certificate-visa', name: 'Certificate for a visa', status: 'draft' });
    // The Polish name translated the template's name, not this one.
    expect(named.body.translations?.pl?.name).toBeUndefined();
    expect(named.body.translations?.pl?.summary).toBe(certificate.service.translations.pl.summary);
  });

  it('refuses bad requests with field errors and changes nothing', async () => {
    const unknown = await adopt(henry, 'HR', { templateId: 'time-machine' });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({
      code: 'template_not_found',
      fields: { templateId: { code: 'unknown_template' } },
    });

    const badId = await adopt(henry, 'HR', { templateId: 'nda', id: 'Not An Id' });
    expect(badId.status).toBe(400);
    expect(badId.body.fields).toHaveProperty('id');

    const badName = await adopt(henry, 'HR', { templateId: 'nda', name: ' ' });
    expect(badName.status).toBe(400);
    expect(badName.body.fields).toHaveProperty('name');

    const extra = await adopt(henry, 'HR', { templateId: 'nda', ownerId: 'hana' });
    expect(extra.status).toBe(400);

    expect((await h.deps.services.get('hr-nda'))?.id).toBeUndefined();
  });

  it('is for the head of the department only', async () => {
    const hana = await h.as('hana');
    const agent = await adopt(hana, 'HR', { templateId: 'nda' });
    expect(agent.status).toBe(403);
    const iris = await h.as('iris');
    const otherHead = await adopt(iris, 'HR', { templateId: 'nda' });
    expect(otherHead.status).toBe(404);
    const anna = await h.as('anna');
    expect((await adopt(anna, 'HR', { templateId: 'nda' })).status).toBe(404);
    expect((await h.anonymous.request('POST', '/api/v1/departments/HR/services/from-template', {})).status).toBe(401);
    expect((await h.deps.services.get('hr-nda'))?.id).toBeUndefined();
    // Iris adopts into her own department.
    const own = await adopt(iris, 'IT', { templateId: 'nda' });
    expect(own.status).toBe(201);
    expect(own.body).toMatchObject({ id: 'it-nda', department: 'IT', ownerId: 'iris' });
  });
});

describe('every template', () => {
  const HEADS: Record<ServiceTemplate['area'], [code: string, head: string]> = {
    hr: ['HR', 'henry'],
    it: ['IT', 'iris'],
    finance: ['FIN', 'frank'],
    facilities: ['FAC', 'fatima'],
    // The demo company has no legal department; any department may adopt any template.
    legal: ['HR', 'henry'],
  };

  /** How an order of the service starts: approval first, then any input the form alone cannot give. */
  function firstStatus(template: ServiceTemplate): OrderStatus {
    if (approvalNeeded(template.service.approval, template.example)) return 'awaiting_approval';
    const handedOver = template.service.inputs.some((i) => i.required && i.kind !== 'formField');
    return handedOver ? 'awaiting_inputs' : 'open';
  }

  it('is adopted, published and ordered with its example filing', async () => {
    const anna = await h.as('anna');
    const heads = new Map<string, Caller>();
    const results: Array<{ id: string; adopted: number; published: number; filed: number; status?: string }> = [];
    const expected: typeof results = [];
    for (const template of SERVICE_TEMPLATES) {
      const [code, headId] = HEADS[template.area];
      if (!heads.has(headId)) heads.set(headId, await h.as(headId));
      const head = heads.get(headId)!;
      const id = `all-${template.id}`;
      const created = await adopt(head, code, { templateId: template.id, id });
      const published = await head.json('POST', `/api/v1/services/${id}/publish`, { version: created.body.version });
      const order = await anna.json<OrderView>('POST', '/api/v1/orders', { serviceId: id, answers: template.example });
      results.push({
        id,
        adopted: created.status,
        published: published.status,
        filed: order.status,
        status: order.body.order?.status,
      });
      expected.push({ id, adopted: 201, published: 200, filed: 201, status: firstStatus(template) });
    }
    expect(results).toEqual(expected);
  });
});
