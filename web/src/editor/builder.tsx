/**
 * The catalog editor's list builders: request-form fields (kind, id, label, help, required, limits,
 * options, "show only when"), required inputs, deliverables and stages. Rows can be added, removed
 * and moved with buttons; focus follows the moved or new row.
 */
import { type Accessor, createEffect, createSignal, For, Index, type JSX, on, Show } from 'solid-js';
import { formatDuration, parseDuration } from '#shared/durations.ts';
import {
  type Condition,
  FIELD_KINDS,
  type FieldKind,
  type FormField,
  INPUT_KINDS,
  type InputKind,
} from '#shared/model.ts';
import { sayField } from '../i18n/refusals.ts';
import { Check, withChoice } from '../lib/fields.tsx';
import { controlId, type FieldErrors } from '../lib/paths.ts';
import { language, t } from '../lib/strings.ts';
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
  LENGTH_KINDS,
  moveItem,
  newField,
  newItem,
  PATTERN_KINDS,
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
  /** The department's working hours per day, so "2 working days" means its days. */
  hoursPerDay?: Accessor<number | undefined>;
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

/**
 * Minutes typed as people say them ("2 working days", "4 h", "30 min", shared/durations.ts) in the
 * reader's language, a day being the department's working day (24 h on a 24×7 standard). The value
 * is said back in words beside the box; what cannot be read is refused by the box with its code's
 * words and leaves the value as it was.
 */
export function DurationField(props: {
  path: string;
  label: string;
  minutes: number | undefined;
  always: boolean;
  /** The department's working hours per day (8 when unknown). */
  hoursPerDay?: number | undefined;
  required?: boolean;
  error?: string | undefined;
  onChange: (minutes: number | undefined) => void;
}) {
  const say = (minutes: number | undefined) =>
    minutes === undefined || minutes <= 0 ? '' : formatDuration(minutes, language, props.hoursPerDay, props.always);
  const read = (text: string) => parseDuration(text, language, props.hoursPerDay, props.always);
  const [text, setText] = createSignal(say(props.minutes));
  const [refused, setRefused] = createSignal<string>();
  // A value changed from outside (a reload, a template, a 24×7 switch) is said again.
  createEffect(
    on(
      () => [props.minutes, props.always, props.hoursPerDay] as const,
      ([minutes]) => {
        const typed = read(text());
        if (!typed.ok || typed.minutes !== minutes) {
          setText(say(minutes));
          setRefused(undefined);
        }
      },
      { defer: true },
    ),
  );
  const wordsId = `${controlId(props.path)}-words`;
  return (
    <div class="duration-field">
      <TextField
        path={props.path}
        label={props.label}
        hint={t.editor.durationHint}
        required={props.required}
        value={text()}
        error={refused() ?? props.error}
        onInput={(raw) => {
          setText(raw);
          if (raw.trim() === '') {
            setRefused(undefined);
            props.onChange(undefined);
            return;
          }
          const typed = read(raw);
          setRefused(typed.ok ? undefined : sayField({ code: typed.code }));
          if (typed.ok) props.onChange(typed.minutes);
        }}
      />
      <Show when={!refused() && props.minutes}>
        {(m) => (
          <p id={wordsId} class="hint duration-words" aria-live="polite" data-testid={`${controlId(props.path)}-words`}>
            {t.editor.durationIs(say(m()))}
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
            <Check
              id={`${controlId(props.path)}-${i()}`}
              label={option.label}
              checked={props.equals.includes(option.value)}
              onChange={(checked) => props.onChange(withChoice(props.equals, option.value, checked))}
            />
          )}
        </For>
        <span id={controlId(props.path)} tabIndex={-1} />
        <FieldError path={props.path} error={props.error} />
      </fieldset>
    </Show>
  );
}

type Comparison = 'equals' | 'above' | 'below';
const comparisonOf = (rule: Condition | undefined): Comparison =>
  rule?.above !== undefined ? 'above' : rule?.below !== undefined ? 'below' : 'equals';

/**
 * A condition on an answer, the same for "show only when" and "needs approval when": which field,
 * and (for a number field) whether it has one of the values or is above or below a number.
 */
export function ConditionFields(props: {
  path: string;
  label: string;
  hint: string;
  noneLabel: string;
  /** The fields the condition may test. */
  fields: readonly FormField[];
  rule: Condition | undefined;
  err: (path: string) => string | undefined;
  onChange: (rule: Condition | undefined) => void;
}) {
  const source = () => props.fields.find((f) => f.id === props.rule?.field);
  // The comparison is kept while its number is still empty.
  const [compare, setCompare] = createSignal<Comparison>(comparisonOf(props.rule));
  const path = (key: string) => `${props.path}.${key}`;
  return (
    <div class="condition">
      <SelectField
        path={path('field')}
        label={props.label}
        hint={props.hint}
        value={props.rule?.field ?? ''}
        options={[
          { value: '', label: props.noneLabel },
          ...props.fields.map((f) => ({ value: f.id, label: f.label || f.id })),
          ...(props.rule && !source() ? [{ value: props.rule.field, label: props.rule.field }] : []),
        ]}
        error={props.err(path('field')) ?? props.err(props.path)}
        onChange={(id) => {
          setCompare('equals');
          props.onChange(id ? { field: id, equals: [] } : undefined);
        }}
      />
      <Show when={props.rule && source()}>
        {(src) => (
          <>
            <Show when={src().kind === 'number'}>
              <SelectField
                path={path('compare')}
                label={t.editor.compare}
                value={compare()}
                options={(['equals', 'above', 'below'] as const).map((c) => ({
                  value: c,
                  label: t.editor.compares[c],
                }))}
                onChange={(c) => {
                  setCompare(c);
                  const field = props.rule?.field ?? '';
                  props.onChange(c === 'equals' ? { field, equals: [] } : { field });
                }}
              />
            </Show>
            <Show
              when={compare() !== 'equals' && src().kind === 'number'}
              fallback={
                <ConditionValues
                  path={path('equals')}
                  source={src()}
                  equals={props.rule?.equals ?? []}
                  error={props.err(path('equals'))}
                  onChange={(equals) => props.onChange({ field: props.rule?.field ?? '', equals })}
                />
              }
            >
              <NumberField
                path={path(compare())}
                label={t.editor.compareValue}
                value={compare() === 'above' ? props.rule?.above : props.rule?.below}
                error={props.err(path(compare()))}
                onChange={(n) => {
                  const field = props.rule?.field ?? '';
                  props.onChange(compare() === 'above' ? { field, above: n } : { field, below: n });
                }}
              />
            </Show>
          </>
        )}
      </Show>
    </div>
  );
}

/** A date field's rules: after / before another date field (by days), not in the past, within days from today. */
function DateRules(props: {
  path: string;
  field: FormField;
  others: readonly FormField[];
  err: (path: string) => string | undefined;
  patch: (change: Partial<FormField>, key: string) => void;
}) {
  const path = (key: string) => `${props.path}.${key}`;
  return (
    <div class="date-rules">
      <div class="builder-grid">
        <For each={['after', 'before'] as const}>
          {(side) => (
            <>
              <SelectField
                path={path(`${side}.field`)}
                label={t.editor.dateSide[side]}
                value={props.field[side]?.field ?? ''}
                options={[
                  { value: '', label: t.editor.dateAny },
                  ...props.others.map((f) => ({ value: f.id, label: f.label || f.id })),
                ]}
                error={props.err(path(`${side}.field`)) ?? props.err(path(side))}
                onChange={(id) => {
                  const days = props.field[side]?.days;
                  const rel = id ? { field: id, ...(days === undefined ? {} : { days }) } : undefined;
                  props.patch(side === 'after' ? { after: rel } : { before: rel }, side);
                }}
              />
              <Show when={props.field[side]?.field}>
                <NumberField
                  path={path(`${side}.days`)}
                  label={t.editor.dateDays}
                  hint={t.editor.dateDaysHint}
                  value={props.field[side]?.days}
                  error={props.err(path(`${side}.days`))}
                  onChange={(days) => {
                    const rel = { field: props.field[side]?.field ?? '', ...(days === undefined ? {} : { days }) };
                    props.patch(side === 'after' ? { after: rel } : { before: rel }, side);
                  }}
                />
              </Show>
            </>
          )}
        </For>
      </div>
      <CheckField
        path={path('notPast')}
        label={t.editor.notPast}
        checked={props.field.notPast === true}
        error={props.err(path('notPast'))}
        onChange={(on) => props.patch({ notPast: on || undefined }, 'notPast')}
      />
      <NumberField
        path={path('withinDays')}
        label={t.editor.withinDays}
        hint={t.editor.withinDaysHint}
        value={props.field.withinDays}
        error={props.err(path('withinDays'))}
        onChange={(withinDays) => props.patch({ withinDays }, 'withinDays')}
      />
    </div>
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
    <ListSection<FormField>
      list="form"
      titleId="form-builder-title"
      title={t.editor.formTitle}
      empty={t.editor.formEmpty}
      addLabel={t.editor.addField}
      items={form()}
      errors={props.errors()}
      itemTitle={(n, f) => t.editor.fieldTitle(n, f.label)}
      itemWord={t.editor.fieldWord}
      firstControl="label"
      setList={setForm}
      create={(f) => newField(f)}
      row={(field, i) => {
        const p = (key: string) => `form.${i}.${key}`;
        const above = () => form().slice(0, i);
        return (
          <>
            <div class="builder-grid">
              <TextField
                path={p('label')}
                label={t.editor.label}
                required
                value={field().label}
                error={err(p('label'))}
                onInput={(label) => setForm((f) => relabel(f, i, 'label', label, props.locked(), 'field'), p('label'))}
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
            <SelectField
              path={p('privacy')}
              label={t.editor.privacy}
              hint={t.editor.privacyHint}
              value={field().privacy ?? 'none'}
              options={[
                { value: 'none', label: t.editor.privacyNone },
                { value: 'personal', label: t.editor.privacyPersonal },
                { value: 'sensitive', label: t.editor.privacySensitive },
              ]}
              error={err(p('privacy'))}
              onChange={(value) => patch(i, { privacy: value === 'none' ? undefined : value }, 'privacy')}
            />
            <Show when={LENGTH_KINDS.has(field().kind)}>
              <div class="builder-grid">
                <For each={['min', 'max'] as const}>
                  {(end) => (
                    <NumberField
                      path={p(end)}
                      label={t.editor[end]}
                      hint={field().kind === 'number' ? t.editor.minHintNumber : t.editor.minHintText}
                      value={field()[end]}
                      error={err(p(end))}
                      onChange={(n) => patch(i, { [end]: n }, end)}
                    />
                  )}
                </For>
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
            <Show when={field().kind === 'date'}>
              <DateRules
                path={`form.${i}`}
                field={field()}
                others={form().filter((f, j) => j !== i && f.kind === 'date')}
                err={err}
                patch={(change, key) => patch(i, change, key)}
              />
            </Show>
            <Show when={i > 0 || field().visibleWhen}>
              <ConditionFields
                path={p('visibleWhen')}
                label={t.editor.showWhen}
                hint={t.editor.showWhenHint}
                noneLabel={t.editor.showAlways}
                fields={above()}
                rule={field().visibleWhen}
                err={err}
                onChange={(visibleWhen) => patch(i, { visibleWhen }, 'visibleWhen')}
              />
            </Show>
          </>
        );
      }}
    />
  );
}

/** The frame of a list of rows: heading, rows each in its fieldset with its tools, "add". */
function ListSection<T extends { id: string }>(props: {
  list: 'form' | 'inputs' | 'deliverables' | 'stages';
  titleId?: string;
  title: string;
  hint?: string;
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
  const titleId = () => props.titleId ?? `${props.list}-title`;
  return (
    <section class="builder" aria-labelledby={titleId()}>
      <h2 id={titleId()}>{props.title}</h2>
      <Show when={props.hint}>
        <p class="hint">{props.hint}</p>
      </Show>
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

type Checklist = 'inputs' | 'deliverables' | 'stages';

/** A checklist's words in the editor's dictionary, named after the list ("inputsTitle", "addInput"…). */
const listWords = (list: Checklist, one: 'Input' | 'Deliverable' | 'Stage') => {
  const word = one.toLowerCase() as 'input' | 'deliverable' | 'stage';
  return {
    title: t.editor[`${list}Title`],
    hint: t.editor[`${list}Hint`],
    add: t.editor[`add${one}`],
    item: t.editor[`${word}Title`],
    itemWord: t.editor[`${word}Word`],
  };
};
type ItemOf<K extends Checklist> = Draft[K][number];
type Patch<K extends Checklist> = (i: number, p: Partial<ItemOf<K>>, key: string) => void;

/**
 * Inputs, deliverables and stages: each row has its name (the id follows it until saved), its id,
 * what is particular to the list, and whether it is required.
 */
function Checklist<K extends Checklist>(
  props: BuilderProps & {
    list: K;
    /** The id a new row starts from ("input", "deliverable", "stage"). */
    word: string;
    nameKey: 'label' | 'name';
    words: {
      title: string;
      hint: string;
      empty: string;
      add: string;
      name: string;
      item: (n: number, name: string) => string;
      itemWord: (n: number) => string;
    };
    create: () => Omit<ItemOf<K>, 'id'>;
    /** Controls between the name and the id, and after the id. */
    beforeId?: (item: Accessor<ItemOf<K>>, i: number, patch: Patch<K>) => JSX.Element;
    afterId?: (item: Accessor<ItemOf<K>>, i: number, patch: Patch<K>) => JSX.Element;
    required?: boolean;
  },
) {
  type Item = ItemOf<K>;
  const err = (path: string) => props.errors()[path];
  const items = () => props.draft()[props.list] as Item[];
  const setList = (next: (l: Item[]) => Item[], path: string) =>
    props.update((d) => ({ ...d, [props.list]: next(d[props.list] as Item[]) }), path);
  const patch: Patch<K> = (i, p, key) => setList((l) => updateAt(l, i, p), `${props.list}.${i}.${key}`);
  const nameOf = (item: Item) => (item as Record<string, unknown>)[props.nameKey] as string;
  return (
    <ListSection<Item>
      list={props.list}
      title={props.words.title}
      hint={props.words.hint}
      empty={props.words.empty}
      addLabel={props.words.add}
      items={items()}
      errors={props.errors()}
      itemTitle={(n, x) => props.words.item(n, nameOf(x))}
      itemWord={props.words.itemWord}
      firstControl={props.nameKey}
      setList={setList}
      create={(l) => ({ ...newItem(l, props.word), ...props.create() }) as Item}
      row={(item, i) => {
        const at = (key: string) => `${props.list}.${i}.${key}`;
        return (
          <>
            <div class="builder-grid">
              <TextField
                path={at(props.nameKey)}
                label={props.words.name}
                required
                value={nameOf(item())}
                error={err(at(props.nameKey))}
                onInput={(name) =>
                  setList(
                    (l) => relabel(l, i, props.nameKey as keyof Item & string, name, props.locked(), props.word),
                    at(props.nameKey),
                  )
                }
              />
              {props.beforeId?.(item, i, patch)}
              <TextField
                path={at('id')}
                label={t.editor.itemId}
                required
                value={item().id}
                error={err(at('id'))}
                onInput={(id) => patch(i, { id } as Partial<Item>, 'id')}
              />
              {props.afterId?.(item, i, patch)}
            </div>
            <Show when={props.required}>
              <CheckField
                path={at('required')}
                label={t.editor.required}
                checked={(item() as { required?: boolean }).required === true}
                onChange={(required) => patch(i, { required } as unknown as Partial<Item>, 'required')}
              />
            </Show>
          </>
        );
      }}
    />
  );
}

export function InputsEditor(props: BuilderProps) {
  const err = (path: string) => props.errors()[path];
  return (
    <Checklist
      {...props}
      list="inputs"
      word="input"
      nameKey="label"
      required
      words={{ ...listWords('inputs', 'Input'), empty: t.editor.inputsEmpty, name: t.editor.label }}
      create={() => ({ label: '', kind: 'attachment' as const, required: true })}
      beforeId={(item, i, patch) => (
        <SelectField<InputKind>
          path={`inputs.${i}.kind`}
          label={t.editor.kind}
          value={item().kind}
          options={INPUT_KINDS.map((k) => ({ value: k, label: t.editor.inputKinds[k] }))}
          error={err(`inputs.${i}.kind`)}
          onChange={(kind) => patch(i, { kind }, 'kind')}
        />
      )}
      afterId={(item, i, patch) => (
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
      )}
    />
  );
}

export function DeliverablesEditor(props: BuilderProps) {
  return (
    <Checklist
      {...props}
      list="deliverables"
      word="deliverable"
      nameKey="label"
      required
      words={{ ...listWords('deliverables', 'Deliverable'), empty: t.editor.deliverablesEmpty, name: t.editor.label }}
      create={() => ({ label: '', required: true })}
    />
  );
}

export function StagesEditor(props: BuilderProps) {
  return (
    <Checklist
      {...props}
      list="stages"
      word="stage"
      nameKey="name"
      words={{ ...listWords('stages', 'Stage'), empty: '', name: t.editor.stageName }}
      create={() => ({ name: '' })}
      afterId={(item, i, patch) => (
        <DurationField
          path={`stages.${i}.targetMinutes`}
          label={t.editor.stageTarget}
          minutes={item().targetMinutes}
          always={props.always()}
          hoursPerDay={props.hoursPerDay?.()}
          error={props.errors()[`stages.${i}.targetMinutes`]}
          onChange={(targetMinutes) => patch(i, { targetMinutes }, 'targetMinutes')}
        />
      )}
    />
  );
}
