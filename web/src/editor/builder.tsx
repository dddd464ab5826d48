/**
 * The catalog editor's list builders: request-form fields (kind, id, label, help, required, limits,
 * options, "show only when"), required inputs, deliverables and stages. Rows can be added, removed
 * and moved with buttons; focus follows the moved or new row.
 */
import { type Accessor, createSignal, For, Index, type JSX, Show } from 'solid-js';
import { FIELD_KINDS, type FieldKind, type FormField, INPUT_KINDS, type InputKind } from '#shared/model.ts';
import { durationWords } from '../lib/format.ts';
import { controlId, type FieldErrors } from '../lib/paths.ts';
import { t } from '../lib/strings.ts';
import {
  CheckField,
  describedBy,
  FieldError,
  ListEditor,
  NumberField,
  SectionError,
  SelectField,
  TextField,
} from './controls.tsx';
import {
  CHOICE_KINDS,
  type Draft,
  type DurationUnit,
  LENGTH_KINDS,
  minutesToParts,
  moveItem,
  newField,
  newItem,
  PATTERN_KINDS,
  partsToMinutes,
  relabel,
  removeAt,
  updateAt,
} from './service-draft.ts';

export interface BuilderProps {
  draft: Accessor<Draft>;
  /** Applies a change; `path` names what changed so its message can go. */
  update: (change: (d: Draft) => Draft, path: string) => void;
  errors: Accessor<FieldErrors>;
  /** Ids a saved version already uses: they no longer follow their label. */
  locked: Accessor<ReadonlySet<string>>;
  always: Accessor<boolean>;
}

const focusSoon = (id: string) => queueMicrotask(() => document.getElementById(id)?.focus());

/** Move up / move down / remove for row `index` of list `list` ("form", "inputs"…). */
function RowTools(props: {
  list: string;
  index: number;
  count: number;
  what: string;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const id = (action: string) => controlId(`${props.list}.${props.index}.${action}`);
  return (
    <div class="row-tools">
      <button
        id={id('up')}
        type="button"
        class="small secondary"
        disabled={props.index === 0}
        aria-label={t.common.moveUp(props.what)}
        onClick={() => {
          const to = props.index - 1;
          props.onMove(to);
          focusSoon(controlId(`${props.list}.${to}.${to === 0 ? 'down' : 'up'}`));
        }}
      >
        ↑
      </button>
      <button
        id={id('down')}
        type="button"
        class="small secondary"
        disabled={props.index === props.count - 1}
        aria-label={t.common.moveDown(props.what)}
        onClick={() => {
          const to = props.index + 1;
          props.onMove(to);
          focusSoon(controlId(`${props.list}.${to}.${to === props.count - 1 ? 'up' : 'down'}`));
        }}
      >
        ↓
      </button>
      <button
        type="button"
        class="small danger"
        aria-label={t.common.removeItem(props.what)}
        onClick={() => {
          props.onRemove();
          focusSoon(controlId(`${props.list}.add`));
        }}
      >
        {t.common.remove}
      </button>
    </div>
  );
}

/** Minutes edited as a number of minutes or hours, with the duration in words beside it. */
export function DurationField(props: {
  path: string;
  label: string;
  minutes: number | undefined;
  always: boolean;
  required?: boolean;
  error?: string | undefined;
  onChange: (minutes: number | undefined) => void;
}) {
  const [unit, setUnit] = createSignal<DurationUnit>(minutesToParts(props.minutes).unit);
  const shown = () =>
    props.minutes === undefined ? undefined : unit() === 'hours' ? props.minutes / 60 : props.minutes;
  const wordsId = `${controlId(props.path)}-words`;
  return (
    <div class="duration-field">
      <div class="duration">
        <NumberField
          path={props.path}
          label={props.label}
          required={props.required}
          value={shown()}
          error={props.error}
          describedByExtra={props.minutes ? wordsId : undefined}
          onChange={(n) => props.onChange(partsToMinutes(n, unit()))}
        />
        <div class="field">
          <label for={`${controlId(props.path)}-unit`}>{t.editor.unit}</label>
          <select
            id={`${controlId(props.path)}-unit`}
            onChange={(e) => {
              const next = e.currentTarget.value as DurationUnit;
              const n = shown();
              setUnit(next);
              props.onChange(partsToMinutes(n, next));
            }}
          >
            <For each={['minutes', 'hours'] as const}>
              {(u) => (
                <option value={u} selected={unit() === u}>
                  {t.editor.units[u]}
                </option>
              )}
            </For>
          </select>
        </div>
      </div>
      <Show when={props.minutes}>
        {(m) => (
          <p id={wordsId} class="hint duration-words">
            {t.editor.durationIs(durationWords(m(), props.always))}
          </p>
        )}
      </Show>
    </div>
  );
}

function kindOptions(): Array<{ value: FieldKind; label: string }> {
  return FIELD_KINDS.map((k) => ({ value: k, label: t.editor.kinds[k] }));
}

/** The values a "show only when" rule waits for, edited to suit the field it depends on. */
function ConditionValues(props: {
  path: string;
  source: FormField;
  equals: Array<string | number | boolean>;
  error?: string | undefined;
  onChange: (equals: Array<string | number | boolean>) => void;
}) {
  const legendId = `${controlId(props.path)}-legend`;
  return (
    <Show
      when={CHOICE_KINDS.has(props.source.kind) || props.source.kind === 'checkbox'}
      fallback={
        <ListEditor
          path={props.path}
          label={t.editor.showValues}
          items={props.equals.map(String)}
          error={props.error}
          onChange={(items) => props.onChange(items)}
        />
      }
    >
      <fieldset class="field" aria-describedby={describedBy({ path: props.path, error: props.error })}>
        <legend id={legendId}>{t.editor.showValues}</legend>
        <For
          each={
            props.source.kind === 'checkbox'
              ? [
                  { value: true as string | boolean, label: t.editor.ticked },
                  { value: false as string | boolean, label: t.editor.notTicked },
                ]
              : (props.source.options ?? []).map((o) => ({ value: o as string | boolean, label: o }))
          }
        >
          {(option, i) => (
            <div class="check">
              <input
                id={`${controlId(props.path)}-${i()}`}
                type="checkbox"
                checked={props.equals.includes(option.value)}
                onChange={(e) => {
                  const rest = props.equals.filter((v) => v !== option.value);
                  props.onChange(e.currentTarget.checked ? [...rest, option.value] : rest);
                }}
              />
              <label for={`${controlId(props.path)}-${i()}`}>{option.label}</label>
            </div>
          )}
        </For>
        <span id={controlId(props.path)} tabIndex={-1} />
        <FieldError path={props.path} error={props.error} />
      </fieldset>
    </Show>
  );
}

export function FormBuilder(props: BuilderProps) {
  const form = () => props.draft().form;
  const err = (path: string) => props.errors()[path];
  const setForm = (next: (form: FormField[]) => FormField[], path: string) =>
    props.update((d) => ({ ...d, form: next(d.form) }), path);
  const patch = (i: number, p: Partial<FormField>, key: string) =>
    setForm((f) => updateAt(f, i, p), `form.${i}.${key}`);

  return (
    <section class="builder" aria-labelledby="form-builder-title">
      <h2 id="form-builder-title">{t.editor.formTitle}</h2>
      <SectionError path="form" errors={props.errors()} />
      <Show when={form().length > 0} fallback={<p class="empty">{t.editor.formEmpty}</p>}>
        <ol class="builder-list">
          <Index each={form()}>
            {(field, i) => {
              const p = (key: string) => `form.${i}.${key}`;
              const above = () => form().slice(0, i);
              const source = () => form().find((f) => f.id === field().visibleWhen?.field);
              return (
                <li class="builder-item">
                  <fieldset>
                    <legend>{t.editor.fieldTitle(i + 1, field().label)}</legend>
                    <div class="builder-grid">
                      <TextField
                        path={p('label')}
                        label={t.editor.label}
                        required
                        value={field().label}
                        error={err(p('label'))}
                        onInput={(label) =>
                          setForm((f) => relabel(f, i, 'label', label, props.locked(), 'field'), p('label'))
                        }
                      />
                      <SelectField
                        path={p('kind')}
                        label={t.editor.kind}
                        value={field().kind}
                        options={kindOptions()}
                        error={err(p('kind'))}
                        onChange={(kind) => patch(i, { kind }, 'kind')}
                      />
                      <TextField
                        path={p('id')}
                        label={t.editor.fieldId}
                        hint={t.editor.fieldIdHint}
                        required
                        value={field().id}
                        error={err(p('id'))}
                        onInput={(id) => patch(i, { id }, 'id')}
                      />
                      <TextField
                        path={p('help')}
                        label={t.editor.help}
                        value={field().help ?? ''}
                        error={err(p('help'))}
                        onInput={(help) => patch(i, { help }, 'help')}
                      />
                    </div>
                    <CheckField
                      path={p('required')}
                      label={t.editor.required}
                      checked={field().required}
                      error={err(p('required'))}
                      onChange={(required) => patch(i, { required }, 'required')}
                    />
                    <Show when={LENGTH_KINDS.has(field().kind)}>
                      <div class="builder-grid">
                        <NumberField
                          path={p('min')}
                          label={t.editor.min}
                          hint={field().kind === 'number' ? t.editor.minHintNumber : t.editor.minHintText}
                          value={field().min}
                          error={err(p('min'))}
                          onChange={(min) => patch(i, { min }, 'min')}
                        />
                        <NumberField
                          path={p('max')}
                          label={t.editor.max}
                          hint={field().kind === 'number' ? t.editor.minHintNumber : t.editor.minHintText}
                          value={field().max}
                          error={err(p('max'))}
                          onChange={(max) => patch(i, { max }, 'max')}
                        />
                      </div>
                    </Show>
                    <Show when={PATTERN_KINDS.has(field().kind)}>
                      <TextField
                        path={p('pattern')}
                        label={t.editor.pattern}
                        hint={t.editor.patternHint}
                        value={field().pattern ?? ''}
                        error={err(p('pattern'))}
                        onInput={(pattern) => patch(i, { pattern }, 'pattern')}
                      />
                    </Show>
                    <Show when={CHOICE_KINDS.has(field().kind)}>
                      <ListEditor
                        path={p('options')}
                        label={t.editor.options}
                        items={field().options ?? []}
                        error={err(p('options'))}
                        onChange={(options) => patch(i, { options }, 'options')}
                      />
                    </Show>
                    <Show when={i > 0 || field().visibleWhen}>
                      <div class="condition">
                        <SelectField
                          path={p('visibleWhen.field')}
                          label={t.editor.showWhen}
                          hint={t.editor.showWhenHint}
                          value={field().visibleWhen?.field ?? ''}
                          options={[
                            { value: '', label: t.editor.showAlways },
                            ...above().map((f) => ({ value: f.id, label: f.label || f.id })),
                            ...(field().visibleWhen && !above().some((f) => f.id === field().visibleWhen?.field)
                              ? [{ value: field().visibleWhen?.field ?? '', label: field().visibleWhen?.field ?? '' }]
                              : []),
                          ]}
                          error={err(p('visibleWhen.field')) ?? err(p('visibleWhen'))}
                          onChange={(id) =>
                            patch(i, { visibleWhen: id ? { field: id, equals: [] } : undefined }, 'visibleWhen')
                          }
                        />
                        <Show when={field().visibleWhen && source()}>
                          {(src) => (
                            <ConditionValues
                              path={p('visibleWhen.equals')}
                              source={src()}
                              equals={field().visibleWhen?.equals ?? []}
                              error={err(p('visibleWhen.equals'))}
                              onChange={(equals) =>
                                patch(
                                  i,
                                  { visibleWhen: { field: field().visibleWhen?.field ?? '', equals } },
                                  'visibleWhen.equals',
                                )
                              }
                            />
                          )}
                        </Show>
                      </div>
                    </Show>
                    <RowTools
                      list="form"
                      index={i}
                      count={form().length}
                      what={t.editor.fieldWord(i + 1)}
                      onMove={(to) => setForm((f) => moveItem(f, i, to), 'form')}
                      onRemove={() => setForm((f) => removeAt(f, i), 'form')}
                    />
                  </fieldset>
                </li>
              );
            }}
          </Index>
        </ol>
      </Show>
      <button
        id={controlId('form.add')}
        type="button"
        class="secondary"
        onClick={() => {
          const n = form().length;
          setForm((f) => [...f, newField(f)], 'form');
          focusSoon(controlId(`form.${n}.label`));
        }}
      >
        {t.editor.addField}
      </button>
    </section>
  );
}

/** Shared shape of the three simple checklists. */
function ListSection<T extends { id: string }>(props: {
  list: 'inputs' | 'deliverables' | 'stages';
  title: string;
  hint: string;
  empty: string;
  addLabel: string;
  items: T[];
  errors: FieldErrors;
  itemTitle: (n: number, item: T) => string;
  itemWord: (n: number) => string;
  setList: (next: (list: T[]) => T[], path: string) => void;
  create: (list: T[]) => T;
  row: (item: Accessor<T>, i: number) => JSX.Element;
  /** A focusable control of a row, to move to after adding it. */
  firstControl: string;
}) {
  return (
    <section class="builder" aria-labelledby={`${props.list}-title`}>
      <h2 id={`${props.list}-title`}>{props.title}</h2>
      <p class="hint">{props.hint}</p>
      <SectionError path={props.list} errors={props.errors} />
      <Show when={props.items.length > 0} fallback={<p class="empty">{props.empty}</p>}>
        <ol class="builder-list">
          <Index each={props.items}>
            {(item, i) => (
              <li class="builder-item">
                <fieldset>
                  <legend>{props.itemTitle(i + 1, item())}</legend>
                  {props.row(item, i)}
                  <RowTools
                    list={props.list}
                    index={i}
                    count={props.items.length}
                    what={props.itemWord(i + 1)}
                    onMove={(to) => props.setList((l) => moveItem(l, i, to), props.list)}
                    onRemove={() => props.setList((l) => removeAt(l, i), props.list)}
                  />
                </fieldset>
              </li>
            )}
          </Index>
        </ol>
      </Show>
      <button
        id={controlId(`${props.list}.add`)}
        type="button"
        class="secondary"
        onClick={() => {
          const n = props.items.length;
          props.setList((l) => [...l, props.create(l)], props.list);
          focusSoon(controlId(`${props.list}.${n}.${props.firstControl}`));
        }}
      >
        {props.addLabel}
      </button>
    </section>
  );
}

export function InputsEditor(props: BuilderProps) {
  type Input = Draft['inputs'][number];
  const err = (path: string) => props.errors()[path];
  const setList = (next: (l: Input[]) => Input[], path: string) =>
    props.update((d) => ({ ...d, inputs: next(d.inputs) }), path);
  const patch = (i: number, p: Partial<Input>, key: string) => setList((l) => updateAt(l, i, p), `inputs.${i}.${key}`);
  return (
    <ListSection<Input>
      list="inputs"
      title={t.editor.inputsTitle}
      hint={t.editor.inputsHint}
      empty={t.editor.inputsEmpty}
      addLabel={t.editor.addInput}
      items={props.draft().inputs}
      errors={props.errors()}
      itemTitle={(n, x) => t.editor.inputTitle(n, x.label)}
      itemWord={t.editor.inputWord}
      firstControl="label"
      setList={setList}
      create={(l) => ({ ...newItem(l, 'input'), label: '', kind: 'attachment', required: true })}
      row={(item, i) => (
        <>
          <div class="builder-grid">
            <TextField
              path={`inputs.${i}.label`}
              label={t.editor.label}
              required
              value={item().label}
              error={err(`inputs.${i}.label`)}
              onInput={(label) =>
                setList((l) => relabel(l, i, 'label', label, props.locked(), 'input'), `inputs.${i}.label`)
              }
            />
            <SelectField<InputKind>
              path={`inputs.${i}.kind`}
              label={t.editor.kind}
              value={item().kind}
              options={INPUT_KINDS.map((k) => ({ value: k, label: t.editor.inputKinds[k] }))}
              error={err(`inputs.${i}.kind`)}
              onChange={(kind) => patch(i, { kind }, 'kind')}
            />
            <TextField
              path={`inputs.${i}.id`}
              label={t.editor.itemId}
              required
              value={item().id}
              error={err(`inputs.${i}.id`)}
              onInput={(id) => patch(i, { id }, 'id')}
            />
            <Show when={item().kind === 'formField'}>
              <SelectField
                path={`inputs.${i}.field`}
                label={t.editor.inputField}
                required
                value={item().field ?? ''}
                options={[
                  { value: '', label: t.form.choose },
                  ...props.draft().form.map((f) => ({ value: f.id, label: f.label || f.id })),
                ]}
                error={err(`inputs.${i}.field`)}
                onChange={(field) => patch(i, { field: field || undefined }, 'field')}
              />
            </Show>
          </div>
          <CheckField
            path={`inputs.${i}.required`}
            label={t.editor.required}
            checked={item().required}
            onChange={(required) => patch(i, { required }, 'required')}
          />
        </>
      )}
    />
  );
}

export function DeliverablesEditor(props: BuilderProps) {
  type Item = Draft['deliverables'][number];
  const err = (path: string) => props.errors()[path];
  const setList = (next: (l: Item[]) => Item[], path: string) =>
    props.update((d) => ({ ...d, deliverables: next(d.deliverables) }), path);
  const patch = (i: number, p: Partial<Item>, key: string) =>
    setList((l) => updateAt(l, i, p), `deliverables.${i}.${key}`);
  return (
    <ListSection<Item>
      list="deliverables"
      title={t.editor.deliverablesTitle}
      hint={t.editor.deliverablesHint}
      empty={t.editor.deliverablesEmpty}
      addLabel={t.editor.addDeliverable}
      items={props.draft().deliverables}
      errors={props.errors()}
      itemTitle={(n, x) => t.editor.deliverableTitle(n, x.label)}
      itemWord={t.editor.deliverableWord}
      firstControl="label"
      setList={setList}
      create={(l) => ({ ...newItem(l, 'deliverable'), label: '', required: true })}
      row={(item, i) => (
        <>
          <div class="builder-grid">
            <TextField
              path={`deliverables.${i}.label`}
              label={t.editor.label}
              required
              value={item().label}
              error={err(`deliverables.${i}.label`)}
              onInput={(label) =>
                setList((l) => relabel(l, i, 'label', label, props.locked(), 'deliverable'), `deliverables.${i}.label`)
              }
            />
            <TextField
              path={`deliverables.${i}.id`}
              label={t.editor.itemId}
              required
              value={item().id}
              error={err(`deliverables.${i}.id`)}
              onInput={(id) => patch(i, { id }, 'id')}
            />
          </div>
          <CheckField
            path={`deliverables.${i}.required`}
            label={t.editor.required}
            checked={item().required}
            onChange={(required) => patch(i, { required }, 'required')}
          />
        </>
      )}
    />
  );
}

export function StagesEditor(props: BuilderProps) {
  type Item = Draft['stages'][number];
  const err = (path: string) => props.errors()[path];
  const setList = (next: (l: Item[]) => Item[], path: string) =>
    props.update((d) => ({ ...d, stages: next(d.stages) }), path);
  const patch = (i: number, p: Partial<Item>, key: string) => setList((l) => updateAt(l, i, p), `stages.${i}.${key}`);
  return (
    <ListSection<Item>
      list="stages"
      title={t.editor.stagesTitle}
      hint={t.editor.stagesHint}
      empty=""
      addLabel={t.editor.addStage}
      items={props.draft().stages}
      errors={props.errors()}
      itemTitle={(n, x) => t.editor.stageTitle(n, x.name)}
      itemWord={t.editor.stageWord}
      firstControl="name"
      setList={setList}
      create={(l) => ({ ...newItem(l, 'stage'), name: '' })}
      row={(item, i) => (
        <div class="builder-grid">
          <TextField
            path={`stages.${i}.name`}
            label={t.editor.stageName}
            required
            value={item().name}
            error={err(`stages.${i}.name`)}
            onInput={(name) => setList((l) => relabel(l, i, 'name', name, props.locked(), 'stage'), `stages.${i}.name`)}
          />
          <TextField
            path={`stages.${i}.id`}
            label={t.editor.itemId}
            required
            value={item().id}
            error={err(`stages.${i}.id`)}
            onInput={(id) => patch(i, { id }, 'id')}
          />
          <DurationField
            path={`stages.${i}.targetMinutes`}
            label={t.editor.stageTarget}
            minutes={item().targetMinutes}
            always={props.always()}
            error={err(`stages.${i}.targetMinutes`)}
            onChange={(targetMinutes) => patch(i, { targetMinutes }, 'targetMinutes')}
          />
        </div>
      )}
    />
  );
}
