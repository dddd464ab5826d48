/**
 * The catalog editor (SPEC §3, §9): every part of a service, with a live preview of the order form.
 * Checked with the API's own schema and `serviceProblems` before saving; conflicts (409) are told,
 * with the choice to load the other version or save over it.
 */
import { A, useBeforeLeave, useLocation, useNavigate, useParams } from '@solidjs/router';
import { createMemo, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import type { Member } from '#shared/api.ts';
import { type Condition, RETENTION_UNITS, type Service } from '#shared/model.ts';
import { loadPatterns, needsPatterns } from '#shared/pattern-engine.ts';
import { isHeadOf } from '#shared/permissions.ts';
import { createServiceBody, serviceBody, serviceProblems } from '#shared/service-schema.ts';
import { user } from '../account/session.ts';
import { OrderForm } from '../catalog/OrderForm.tsx';
import { api, type ServiceDetail } from '../lib/api.ts';
import { Radios } from '../lib/fields.tsx';
import { createLoader, Loaded } from '../lib/load.tsx';
import { PeopleList, PersonPicker } from '../lib/PersonPicker.tsx';
import { controlId, type FieldErrors, issuesToFields, localMessages } from '../lib/paths.ts';
import { createReaderOptions } from '../lib/sla-ui.tsx';
import { t } from '../lib/strings.ts';
import { createSubmit, Outcome, SubmitButton, submitWith } from '../lib/submit.tsx';
import { ServiceStatusBadge, usePageTitle } from '../lib/ui.tsx';
import {
  ConditionFields,
  DeliverablesEditor,
  DurationField,
  FormBuilder,
  InputsEditor,
  StagesEditor,
} from './builder.tsx';
import {
  CheckField,
  ConflictChoices,
  createEditorErrors,
  editorRefusal,
  ListEditor,
  NumberField,
  SelectField,
  TextArea,
  TextField,
} from './controls.tsx';
import {
  blankService,
  cleanDraft,
  type Draft,
  draftOf,
  percentOf,
  previewForm,
  sameDraft,
  shareOf,
  slugify,
} from './service-draft.ts';
import { TranslationsEditor } from './translations.tsx';

export default function ServiceEditorPage() {
  const params = useParams<{ id?: string; code?: string }>();
  const service = createLoader(() => params.id, api.service);
  return (
    <Show
      when={params.id}
      fallback={
        <Show when={params.code} keyed>
          {(code) => <Editor department={code} />}
        </Show>
      }
    >
      <Loaded of={service} keyed>
        {(s) => <Editor department={s().department} initial={s()} />}
      </Loaded>
    </Show>
  );
}

function idsOf(service: Service | undefined): ReadonlySet<string> {
  if (!service) return new Set();
  return new Set([...service.form, ...service.inputs, ...service.deliverables, ...service.stages].map((x) => x.id));
}

function Editor(props: { department: string; initial?: ServiceDetail }) {
  const navigate = useNavigate();
  const location = useLocation<{ created?: boolean }>();
  const [saved, setSaved] = createSignal<Service | undefined>(props.initial);
  const [draft, setDraft] = createSignal<Draft>(props.initial ? draftOf(props.initial) : blankService());
  const [newId, setNewId] = createSignal('');
  const [idTouched, setIdTouched] = createSignal(false);
  const editorErrors = createEditorErrors();
  const errors = editorErrors.errors;
  const [conflict, setConflict] = createSignal<{ theirs?: Service }>();
  const [confirmRetire, setConfirmRetire] = createSignal(false);
  const members = createLoader(() => props.department, api.members);
  let leaving = false;
  // One write at a time: saving, publishing or retiring; `send` gives the service as saved.
  const write = createSubmit(
    async (step: { send: () => Promise<Service>; done: string; after?: (result: Service) => void }) => {
      const result = await step.send();
      setSaved(result);
      setDraft(draftOf(result));
      setConflict(undefined);
      step.after?.(result);
    },
    {
      done: (_, step) => step.done,
      failed: editorRefusal(editorErrors, (error) => {
        const current = error.current;
        setConflict(
          current && typeof current === 'object' && 'version' in current ? { theirs: current as Service } : {},
        );
        return t.editor.conflict;
      }),
    },
  );
  if (props.initial && location.state?.created) write.said(t.editor.created);

  const isNew = () => saved() === undefined;
  const canEdit = () => {
    const u = user();
    return u !== undefined && (u.admin || isHeadOf(u, props.department));
  };
  const dirty = createMemo(() => {
    const s = saved();
    return s ? !sameDraft(draft(), draftOf(s)) : !sameDraft(draft(), blankService()) || newId() !== '';
  });
  const locked = createMemo(() => idsOf(saved()));
  usePageTitle(() => {
    const s = saved();
    return s ? t.editor.editTitle(s.name) : t.editor.newTitle(props.department);
  });

  // Unsaved work is not lost by a stray click or a closed tab.
  useBeforeLeave((e) => {
    if (!leaving && dirty() && !e.defaultPrevented && !window.confirm(t.common.leaveUnsaved)) e.preventDefault();
  });
  const beforeUnload = (e: BeforeUnloadEvent) => {
    if (dirty()) e.preventDefault();
  };
  onMount(() => window.addEventListener('beforeunload', beforeUnload));
  onCleanup(() => window.removeEventListener('beforeunload', beforeUnload));

  const update = (change: (d: Draft) => Draft, path: string) => {
    setDraft(change);
    editorErrors.drop(path);
    write.clear('notice');
  };
  // One part of the time standard changed (its path names it).
  const setStandard = (patch: Partial<Draft['standard']>) =>
    update((d) => ({ ...d, standard: { ...d.standard, ...patch } }), `standard.${Object.keys(patch)[0]}`);
  const approvalWords = { none: t.editor.approvalNone, head: t.editor.approvalHead, named: t.editor.approvalNamed };
  const err = (path: string) => errors()[path];

  const memberName = (id: string) => members.value()?.find((m) => m.id === id)?.name ?? id;
  const owner = () => {
    const id = draft().ownerId;
    const member = members.value()?.find((m: Member) => m.id === id);
    return id ? { id, ...(member ? { name: member.name } : {}) } : undefined;
  };

  const preview = createMemo((): ServiceDetail => {
    const body = cleanDraft(draft());
    const s = saved();
    return {
      ...body,
      form: previewForm(body.form),
      id: s?.id ?? (newId() || 'preview'),
      department: props.department,
      status: 'published',
      version: s?.version ?? 1,
      updatedAt: s?.updatedAt ?? '',
    };
  });

  function check(body: Draft): FieldErrors {
    const parsed = isNew()
      ? createServiceBody.safeParse({ ...body, id: newId().trim(), department: props.department })
      : serviceBody.safeParse(body);
    return { ...localMessages(serviceProblems(body)), ...(parsed.success ? {} : issuesToFields(parsed.error.issues)) };
  }

  async function save() {
    if (!canEdit()) return;
    write.clear();
    const body = cleanDraft(draft());
    // Patterns are checked in the linear-time engine, fetched the first time a draft has one.
    if (needsPatterns(body.form)) await loadPatterns();
    const found = check(body);
    if (Object.keys(found).length > 0) {
      editorErrors.show(found);
      return;
    }
    editorErrors.clear();
    const current = saved();
    if (current) {
      void write.run({
        send: () => api.updateService(current.id, { ...body, version: current.version }),
        done: t.editor.saved,
      });
      return;
    }
    void write.run({
      send: () => api.createService({ ...body, id: newId().trim(), department: props.department }),
      done: t.editor.created,
      after: (created) => {
        leaving = true;
        navigate(`/services/${encodeURIComponent(created.id)}/edit`, { replace: true, state: { created: true } });
      },
    });
  }

  function lifecycle(kind: 'publish' | 'retire') {
    const current = saved();
    if (!current) return;
    void write.run({
      send: () =>
        kind === 'publish'
          ? api.publishService(current.id, current.version)
          : api.retireService(current.id, current.version),
      done: kind === 'publish' ? t.editor.published : t.editor.retired,
      after: () => setConfirmRetire(false),
    });
  }

  async function theirVersion(): Promise<Service | undefined> {
    const known = conflict()?.theirs;
    if (known) return known;
    const id = saved()?.id;
    return id ? api.service(id).catch(() => undefined) : undefined;
  }

  async function loadTheirs() {
    const theirs = await theirVersion();
    if (!theirs) return;
    setSaved(theirs);
    setDraft(draftOf(theirs));
    setConflict(undefined);
    write.clear();
    editorErrors.clear();
  }

  async function keepMine() {
    const theirs = await theirVersion();
    if (theirs) setSaved({ ...theirs });
    // Their version becomes the base, so the next save goes over it with this draft.
    setConflict(undefined);
    write.clear();
  }

  const always = () => draft().standard.always;
  // Days typed in the standards are the department's working days.
  const readerOptions = createReaderOptions();
  const hoursPerDay = () => readerOptions(props.department).hoursPerDay;

  return (
    <article class="service-editor">
      <p>
        <A href={`/departments/${encodeURIComponent(props.department)}/services`}>{t.editor.back(props.department)}</A>
      </p>
      <header class="editor-head">
        <h1>{saved() ? t.editor.editTitle(saved()?.name ?? '') : t.editor.newTitle(props.department)}</h1>
        <Show when={saved()}>
          {(s) => (
            <p class="order-badges">
              <ServiceStatusBadge status={s().status} />{' '}
              <span class="meta">
                {s().publication ? t.editor.version(s().publication ?? 0) : t.editor.notPublished}
              </span>
            </p>
          )}
        </Show>
      </header>
      <Show when={!canEdit()}>
        <p class="notice warning">{t.services.headOnly}</p>
      </Show>
      <Show when={saved()?.status === 'published'}>
        <p class="hint">{t.editor.publishedNote}</p>
      </Show>

      <div class="editor-layout">
        <form class="editor-form surface" novalidate aria-label={t.editor.basics} onSubmit={submitWith(save)}>
          <p class="hint">{t.common.requiredNote}</p>
          <editorErrors.Summary />

          <section aria-labelledby="basics-title">
            <h2 id="basics-title">{t.editor.basics}</h2>
            <TextField
              path="name"
              label={t.editor.name}
              required
              value={draft().name}
              error={err('name')}
              onInput={(name) => {
                if (isNew() && !idTouched()) setNewId(slugify(name));
                update((d) => ({ ...d, name }), 'name');
              }}
            />
            <Show when={isNew()}>
              <TextField
                path="id"
                label={t.editor.id}
                hint={t.editor.idHint}
                required
                value={newId()}
                error={err('id')}
                onInput={(id) => {
                  setNewId(id);
                  setIdTouched(true);
                  editorErrors.drop('id');
                }}
              />
            </Show>
            <TextField
              path="summary"
              label={t.editor.summary}
              hint={t.editor.summaryHint}
              required
              value={draft().summary}
              error={err('summary')}
              onInput={(summary) => update((d) => ({ ...d, summary }), 'summary')}
            />
            <TextArea
              path="description"
              label={t.editor.description}
              rows={5}
              value={draft().description}
              error={err('description')}
              onInput={(description) => update((d) => ({ ...d, description }), 'description')}
            />
            <ListEditor
              path="tags"
              label={t.editor.tags}
              hint={t.editor.tagsHint}
              items={draft().tags}
              error={err('tags')}
              onChange={(tags) => update((d) => ({ ...d, tags }), 'tags')}
            />
            <Show when={members.error()}>
              <p class="notice warning">{t.editor.membersError}</p>
            </Show>
            <PersonPicker
              id={controlId('ownerId')}
              label={t.editor.owner}
              hint={t.editor.ownerHint}
              value={owner()}
              error={err('ownerId')}
              onChange={(person) => update((d) => ({ ...d, ownerId: person?.id ?? '' }), 'ownerId')}
            />
            <ListEditor
              path="audience"
              label={t.editor.audience}
              hint={t.editor.audienceHint}
              items={draft().audience}
              error={err('audience')}
              onChange={(audience) => update((d) => ({ ...d, audience }), 'audience')}
            />
          </section>

          <FormBuilder draft={draft} update={update} errors={errors} locked={locked} always={always} />
          <TextField
            path="titleTemplate"
            label={t.editor.titleTemplate}
            hint={t.editor.titleTemplateHint(
              draft()
                .form.map((f) => f.id)
                .join(', '),
            )}
            value={draft().titleTemplate ?? ''}
            error={err('titleTemplate')}
            onInput={(titleTemplate) => update((d) => ({ ...d, titleTemplate }), 'titleTemplate')}
          />
          <InputsEditor draft={draft} update={update} errors={errors} locked={locked} always={always} />
          <DeliverablesEditor draft={draft} update={update} errors={errors} locked={locked} always={always} />
          <StagesEditor
            draft={draft}
            update={update}
            errors={errors}
            locked={locked}
            always={always}
            hoursPerDay={hoursPerDay}
          />

          <section aria-labelledby="approval-title">
            <h2 id="approval-title">{t.editor.approvalTitle}</h2>
            <fieldset class="field">
              <legend class="visually-hidden">{t.editor.approvalTitle}</legend>
              <Radios
                name="approval"
                value={draft().approval.kind}
                options={(['none', 'head', 'named'] as const).map((kind) => ({
                  value: kind,
                  label: approvalWords[kind],
                  id: controlId(`approval.kind.${kind}`),
                }))}
                onChange={(kind) =>
                  update((d) => {
                    const when = d.approval.kind === 'none' ? undefined : d.approval.when;
                    const kept = when ? { when } : {};
                    return {
                      ...d,
                      approval:
                        kind === 'named'
                          ? {
                              kind: 'named',
                              approvers: d.approval.kind === 'named' ? d.approval.approvers : [],
                              ...kept,
                            }
                          : kind === 'head'
                            ? { kind: 'head', ...kept }
                            : { kind: 'none' },
                    };
                  }, 'approval')
                }
              />
            </fieldset>
            <Show when={draft().approval.kind !== 'none'}>
              <ConditionFields
                path="approval.when"
                label={t.editor.approvalWhen}
                hint={t.editor.approvalWhenHint}
                noneLabel={t.editor.approvalAlways}
                fields={draft().form}
                rule={draft().approval.kind === 'none' ? undefined : (draft().approval as { when?: Condition }).when}
                err={err}
                onChange={(when) =>
                  update((d) => {
                    if (d.approval.kind === 'none') return d;
                    const { when: _, ...rest } = d.approval;
                    return { ...d, approval: when ? { ...rest, when } : rest };
                  }, 'approval.when')
                }
              />
            </Show>
            <Show when={draft().approval.kind === 'named'}>
              <PeopleList
                path="approval.approvers"
                label={t.editor.approvers}
                items={draft().approval.kind === 'named' ? (draft().approval as { approvers: string[] }).approvers : []}
                itemLabel={memberName}
                error={err('approval.approvers')}
                onChange={(approvers) =>
                  update((d) => ({ ...d, approval: { ...d.approval, kind: 'named', approvers } }), 'approval')
                }
              />
            </Show>
          </section>

          <section aria-labelledby="standard-title">
            <h2 id="standard-title">{t.editor.standardTitle}</h2>
            <p class="hint">{t.editor.standardHint}</p>
            <div class="builder-grid">
              <For each={['firstResponseMinutes', 'resolutionMinutes'] as const}>
                {(key) => (
                  <DurationField
                    path={`standard.${key}`}
                    label={key === 'resolutionMinutes' ? t.editor.resolution : t.editor.firstResponse}
                    required
                    minutes={draft().standard[key]}
                    always={always()}
                    hoursPerDay={hoursPerDay()}
                    error={err(`standard.${key}`)}
                    onChange={(m) => setStandard({ [key]: m ?? 0 })}
                  />
                )}
              </For>
              <NumberField
                path="standard.warningAt"
                label={t.editor.warningAt}
                required
                value={percentOf(draft().standard.warningAt)}
                error={err('standard.warningAt')}
                onChange={(p) => setStandard({ warningAt: shareOf(p ?? 0) })}
              />
            </div>
            <CheckField
              path="standard.always"
              label={t.editor.always}
              checked={draft().standard.always}
              onChange={(always) => setStandard({ always })}
            />
          </section>

          <section aria-labelledby="survey-title">
            <h2 id="survey-title">{t.editor.surveyTitle}</h2>
            <CheckField
              path="survey.enabled"
              label={t.editor.surveyEnabled}
              checked={draft().survey.enabled}
              onChange={(enabled) => update((d) => ({ ...d, survey: { ...d.survey, enabled } }), 'survey.enabled')}
            />
            <Show when={draft().survey.enabled}>
              <TextField
                path="survey.question"
                label={t.editor.surveyQuestion}
                value={draft().survey.question}
                error={err('survey.question')}
                onInput={(question) => update((d) => ({ ...d, survey: { ...d.survey, question } }), 'survey.question')}
              />
            </Show>
          </section>

          <section aria-labelledby="retention-title">
            <h2 id="retention-title">{t.editor.retentionTitle}</h2>
            <div class="builder-grid">
              <NumberField
                path="retention.amount"
                label={t.editor.retentionKeep}
                hint={t.editor.retentionHint}
                value={draft().retention?.amount}
                error={err('retention.amount')}
                onChange={(amount) =>
                  update(
                    (d) => ({
                      ...d,
                      ...(amount === undefined
                        ? { retention: undefined }
                        : { retention: { amount, unit: d.retention?.unit ?? 'days' } }),
                    }),
                    'retention.amount',
                  )
                }
              />
              <SelectField
                path="retention.unit"
                label={t.editor.retentionUnit}
                value={draft().retention?.unit ?? 'days'}
                options={RETENTION_UNITS.map((unit) => ({ value: unit, label: t.editor.retentionUnits[unit] }))}
                error={err('retention.unit')}
                onChange={(unit) =>
                  update((d) => ({ ...d, retention: { amount: d.retention?.amount ?? 1, unit } }), 'retention.unit')
                }
              />
            </div>
          </section>

          <section aria-labelledby="report-title">
            <h2 id="report-title">{t.editor.reportTo}</h2>
            <PeopleList
              path="reportTo"
              label={t.editor.reportTo}
              hint={t.editor.reportToHint}
              items={draft().reportTo}
              itemLabel={memberName}
              error={err('reportTo')}
              onChange={(reportTo) => update((d) => ({ ...d, reportTo }), 'reportTo')}
            />
          </section>

          <TranslationsEditor draft={draft} update={update} errors={errors} locked={locked} always={always} />

          <Show when={draft().bundle?.length}>
            <section aria-labelledby="bundle-title">
              <h2 id="bundle-title">{t.editor.bundleTitle}</h2>
              <p class="hint">{t.editor.bundleHint}</p>
              <ul>
                <For each={draft().bundle ?? []}>
                  {(part) => (
                    <li>
                      <A href={`/services/${encodeURIComponent(part.serviceId)}`}>{part.serviceId}</A>
                    </li>
                  )}
                </For>
              </ul>
            </section>
          </Show>

          <div class="editor-actions">
            <Outcome
              of={write}
              notice={
                <Show when={dirty() && !write.notice()}>
                  <p class="meta">{t.common.unsaved}</p>
                </Show>
              }
            >
              <ConflictChoices when={conflict()} words={t.editor} onLoad={loadTheirs} onKeep={keepMine} />
            </Outcome>
            <Show when={canEdit()}>
              <div class="button-row">
                <SubmitButton of={write} busy={t.common.saving}>
                  {isNew() ? t.editor.create : t.editor.save}
                </SubmitButton>
                <Show when={saved() && saved()?.status !== 'published'}>
                  <button
                    type="button"
                    class="secondary"
                    disabled={write.pending() || dirty()}
                    aria-describedby={dirty() ? 'save-first' : undefined}
                    onClick={() => lifecycle('publish')}
                  >
                    {t.editor.publish}
                  </button>
                </Show>
                <Show when={saved() && saved()?.status !== 'retired'}>
                  <button
                    type="button"
                    class="danger"
                    disabled={write.pending() || dirty()}
                    aria-expanded={confirmRetire()}
                    aria-describedby={dirty() ? 'save-first' : undefined}
                    onClick={() => setConfirmRetire((v) => !v)}
                  >
                    {t.editor.retire}
                  </button>
                </Show>
              </div>
              <Show when={saved() && dirty()}>
                <p id="save-first" class="hint">
                  {t.editor.saveFirst}
                </p>
              </Show>
              <Show when={confirmRetire() && !dirty()}>
                <div class="notice warning">
                  <p>{t.editor.retireConfirm}</p>
                  <div class="button-row">
                    <button type="button" class="danger" disabled={write.pending()} onClick={() => lifecycle('retire')}>
                      {t.editor.retireYes}
                    </button>
                    <button type="button" class="secondary" onClick={() => setConfirmRetire(false)}>
                      {t.common.neverMind}
                    </button>
                  </div>
                </div>
              </Show>
            </Show>
          </div>
        </form>

        <aside class="editor-preview" aria-labelledby="preview-title">
          <h2 id="preview-title">{t.form.previewTitle}</h2>
          <p class="hint">{t.form.previewNote}</p>
          <OrderForm service={preview()} preview />
        </aside>
      </div>
    </article>
  );
}
