import { describe, expect, it } from 'vitest';
import type { ChecklistState, FormField, RequiredInput } from '#shared/model.ts';
import { clarificationFields, handoffTargets, handoverBody, inputsToHand, passMap, stillMissing } from './orders.ts';

const inputs: RequiredInput[] = [
  { id: 'contract', label: 'Signed contract', kind: 'attachment', required: true },
  { id: 'budget', label: 'Budget approved', kind: 'confirmation', required: true },
  { id: 'name', label: 'Name', kind: 'formField', required: true, field: 'fullName' },
];

const item = (id: string, done: boolean, required = true): ChecklistState => ({ id, label: id, required, done });

describe('handoverBody', () => {
  it('sends files, notes and ticked confirmations, and nothing for untouched items', () => {
    expect(
      handoverBody(inputs, {
        contract: { attachment: 'uploads/1/contract.pdf', note: ' signed ' },
        budget: { confirmed: true },
        name: { note: 'ignored: a form answer provides it' },
      }),
    ).toEqual({ contract: { attachment: 'uploads/1/contract.pdf', note: 'signed' }, budget: {} });
  });

  it('leaves out an unticked confirmation and an empty note', () => {
    expect(handoverBody(inputs, { budget: { confirmed: false, note: 'x' }, contract: { note: '  ' } })).toBeUndefined();
  });

  it('takes a note alone as handing over a file input', () => {
    expect(handoverBody(inputs, { contract: { note: 'sent by post' } })).toEqual({
      contract: { note: 'sent by post' },
    });
  });
});

describe('what the requester still owes', () => {
  it('lists missing required inputs while the order waits for them', () => {
    const order = {
      status: 'awaiting_inputs' as const,
      inputs: [item('a', true), item('b', false), item('c', false, false)],
    };
    expect(stillMissing(order).map((i) => i.id)).toEqual(['b']);
    expect(stillMissing({ ...order, status: 'open' })).toEqual([]);
  });

  it('offers the not-done inputs while waiting, and the asked-for ones during a clarification', () => {
    const list = [item('a', true), item('b', false)];
    expect(inputsToHand({ status: 'awaiting_inputs', inputs: list }).map((i) => i.id)).toEqual(['b']);
    expect(
      inputsToHand({
        status: 'waiting_for_customer',
        inputs: list,
        clarification: { id: 'c', question: '?', fields: [], inputs: ['a'], askedBy: 'x', askedAt: '' },
      }).map((i) => i.id),
    ).toEqual(['a']);
    expect(inputsToHand({ status: 'in_progress', inputs: list })).toEqual([]);
  });
});

describe('hand-offs', () => {
  it('offers other departments’ services, grouped and sorted', () => {
    const services = [
      { id: '1', department: 'IT', name: 'Laptop' },
      { id: '2', department: 'HR', name: 'Onboard' },
      { id: '3', department: 'FAC', name: 'Desk' },
      { id: '4', department: 'IT', name: 'Account' },
    ];
    expect(handoffTargets(services, 'HR')).toEqual([
      { department: 'FAC', services: [services[2]] },
      { department: 'IT', services: [services[3], services[0]] },
    ]);
  });

  it('sends only deliverables mapped to an input', () => {
    expect(passMap({ a: 'x', b: '' })).toEqual({ a: 'x' });
    expect(passMap({ b: '' })).toBeUndefined();
  });
});

describe('clarificationFields', () => {
  it('adds the fields that depend on an asked field, transitively, in form order', () => {
    const form: FormField[] = [
      { id: 'name', kind: 'text', label: 'Name', required: true },
      { id: 'type', kind: 'select', label: 'Type', required: true, options: ['A', 'B'] },
      { id: 'end', kind: 'date', label: 'End', required: true, visibleWhen: { field: 'type', equals: ['B'] } },
      { id: 'why', kind: 'text', label: 'Why', required: false, visibleWhen: { field: 'end', equals: ['2027-01-01'] } },
    ];
    expect(clarificationFields(form, ['type']).map((f) => f.id)).toEqual(['type', 'end', 'why']);
    expect(clarificationFields(form, ['name']).map((f) => f.id)).toEqual(['name']);
    expect(clarificationFields(form, [])).toEqual([]);
  });
});
