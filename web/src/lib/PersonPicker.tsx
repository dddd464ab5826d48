/**
 * Choosing a person: a combobox (WAI-ARIA combobox pattern with a list box popup) that searches
 * people by name or email as one types and shows each one's email and department, so two people of
 * the same name can be told apart. Arrow keys move through the list, Enter chooses, Escape closes
 * the list (a second Escape clears the box); how many were found is announced.
 */
import { createSignal, For, type JSX, onCleanup, Show } from 'solid-js';
import type { PersonCard } from '#shared/people.ts';
import { api } from './api.ts';
import { Chips, describedBy, Field, FieldError, type FieldProps, Hint, invalid } from './fields.tsx';
import { controlId } from './paths.ts';
import { t } from './strings.ts';
import './person-picker.css';

/** A chosen person: an id with what is known of them (a name at least, when known). */
export type PersonChoice = Pick<PersonCard, 'id'> & Partial<Omit<PersonCard, 'id'>>;

/** How long typing pauses before a search goes out. */
const SEARCH_PAUSE_MS = 200;

/** What a person is called on the page: their name, or their id when the name is not known. */
export const personName = (person: PersonChoice) => person.name ?? t.people.unknown(person.id);

/** "anna@example.com · Sales": what tells a person apart from another of the same name. */
export const personDetails = (person: PersonChoice) => [person.email, person.department].filter(Boolean).join(' · ');

export interface PersonBoxProps {
  id: string;
  value: PersonChoice | undefined;
  onChange: (person: PersonChoice | undefined) => void;
  /** People not to offer (already chosen elsewhere). */
  exclude?: readonly string[] | undefined;
  name?: string | undefined;
  /** Shown after the box (e.g. an Add button). */
  after?: JSX.Element;
  /** Another search than the API's (tests, previews). */
  search?: ((q: string) => Promise<PersonCard[]>) | undefined;
  disabled?: boolean | undefined;
  required?: boolean | undefined;
  /** What names the list of people (the field's label). */
  listLabel?: string | undefined;
  /** The ids of the field's hint and message. */
  describedBy?: string | undefined;
  invalid?: boolean | undefined;
  onBlur?: (() => void) | undefined;
}

/** A labelled person picker: label, hint, the box, the message. */
export function PersonPicker(props: FieldProps & Omit<PersonBoxProps, 'describedBy' | 'invalid' | 'listLabel'>) {
  return (
    <Field {...props} class="field person-picker">
      <PersonBox
        {...props}
        listLabel={typeof props.label === 'string' ? props.label : undefined}
        describedBy={describedBy(props)}
        invalid={Boolean(props.error)}
      />
    </Field>
  );
}

/** The picker's box, list and words without a label (for a field that has its own). */
export function PersonBox(props: PersonBoxProps) {
  const [text, setText] = createSignal(props.value ? personName(props.value) : '');
  const [found, setFound] = createSignal<PersonCard[]>([]);
  const [open, setOpen] = createSignal(false);
  const [active, setActive] = createSignal(-1);
  const [status, setStatus] = createSignal('');
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;
  onCleanup(() => clearTimeout(timer));

  const listId = () => `${props.id}-list`;
  const optionId = (i: number) => `${props.id}-option-${i}`;
  const statusId = () => `${props.id}-status`;
  const chosenId = () => `${props.id}-chosen`;
  const offered = () => found().filter((p) => !(props.exclude ?? []).includes(p.id));

  // The box shows the chosen person's name; a choice made elsewhere (a reset) shows here too. The
  // card of the person last chosen here fills in what the caller keeps of them (often just the id).
  let shown = props.value?.id;
  let last: PersonCard | undefined;
  const syncFromValue = (): PersonChoice | undefined => {
    const value = props.value;
    if (value?.id !== shown) {
      shown = value?.id;
      setText(value ? personName(value) : '');
    }
    return value && last?.id === value.id ? { ...value, ...last } : value;
  };

  async function look(q: string) {
    const ask = ++asked;
    setStatus(t.people.searching);
    try {
      const people = await (props.search ?? api.people)(q);
      if (ask !== asked) return;
      setFound(people);
      const n = offered().length;
      setActive(n > 0 ? 0 : -1);
      setOpen(true);
      setStatus(n === 0 ? t.people.none(q) : t.people.found(n));
    } catch {
      if (ask !== asked) return;
      setFound([]);
      setOpen(false);
      setStatus(t.people.failed);
    }
  }

  function typed(value: string) {
    setText(value);
    if (props.value) {
      shown = undefined;
      props.onChange(undefined);
    }
    clearTimeout(timer);
    const q = value.trim();
    if (!q) {
      asked++;
      setFound([]);
      setOpen(false);
      setStatus('');
      return;
    }
    timer = setTimeout(() => void look(q), SEARCH_PAUSE_MS);
  }

  function choose(person: PersonCard) {
    shown = person.id;
    last = person;
    setText(person.name);
    setOpen(false);
    setActive(-1);
    setStatus('');
    props.onChange(person);
  }

  function keyDown(e: KeyboardEvent) {
    const list = offered();
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        e.preventDefault();
        if (!list.length) return;
        if (!open()) {
          setOpen(true);
          setActive(e.key === 'ArrowDown' ? 0 : list.length - 1);
          return;
        }
        const step = e.key === 'ArrowDown' ? 1 : -1;
        setActive((i) => (i + step + list.length) % list.length);
        return;
      }
      case 'Home':
      case 'End':
        if (!open() || !list.length) return;
        e.preventDefault();
        setActive(e.key === 'Home' ? 0 : list.length - 1);
        return;
      case 'Enter': {
        // Enter chooses from an open list rather than sending the form.
        const person = open() ? list[active()] : undefined;
        if (person) {
          e.preventDefault();
          choose(person);
        }
        return;
      }
      case 'Escape':
        if (open()) {
          e.preventDefault();
          setOpen(false);
        } else if (text()) {
          e.preventDefault();
          typed('');
        }
        return;
      case 'Tab':
        setOpen(false);
        return;
    }
  }

  return (
    <>
      <div class="person-box">
        <input
          id={props.id}
          name={props.name}
          type="text"
          role="combobox"
          autocomplete="off"
          spellcheck={false}
          placeholder={t.people.placeholder}
          aria-autocomplete="list"
          aria-expanded={open() && offered().length > 0 ? 'true' : 'false'}
          aria-controls={listId()}
          aria-activedescendant={open() && active() >= 0 ? optionId(active()) : undefined}
          aria-invalid={invalid(props.invalid)}
          aria-required={props.required ? 'true' : undefined}
          aria-describedby={
            [props.describedBy, syncFromValue() ? chosenId() : ''].filter(Boolean).join(' ') || undefined
          }
          disabled={props.disabled}
          value={text()}
          onInput={(e) => typed(e.currentTarget.value)}
          onKeyDown={keyDown}
          onBlur={() => {
            setOpen(false);
            props.onBlur?.();
          }}
        />
        <div
          id={listId()}
          role="listbox"
          class="person-list"
          aria-label={props.listLabel}
          hidden={!open() || offered().length === 0}
        >
          <For each={offered()}>
            {(person, i) => (
              <div
                id={optionId(i())}
                role="option"
                // Options are pointed at (aria-activedescendant), never focused: the box keeps the focus.
                tabIndex={-1}
                aria-selected={active() === i() ? 'true' : 'false'}
                classList={{ active: active() === i() }}
                // Mouse down, not click: the box keeps its focus, so the list is not closed first.
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(person);
                }}
                onMouseMove={() => setActive(i())}
              >
                <span class="person-name">{person.name}</span>
                <span class="person-details">{personDetails(person)}</span>
              </div>
            )}
          </For>
        </div>
        {props.after}
      </div>
      <Show when={syncFromValue()}>
        {(person) => (
          <p id={chosenId()} class="person-chosen">
            <Show when={personDetails(person())} fallback={personName(person())}>
              {personDetails(person())}
            </Show>
          </p>
        )}
      </Show>
      <p id={statusId()} class="hint person-status" aria-live="polite">
        {status()}
      </p>
    </>
  );
}

/** A field that edits a list of values (people, tags…): where its answer goes, its words and the list. */
export interface ListFieldProps {
  path: string;
  label: string;
  items: readonly string[];
  onChange: (items: string[]) => void;
  hint?: string | undefined;
  error?: string | undefined;
}

/** Several people, chosen one by one: the chosen ones as chips (by name), and a picker to add one more. */
export function PeopleList(
  props: ListFieldProps & {
    /** A person's name when known (else their id is shown). */
    itemLabel?: (id: string) => string;
  },
) {
  const id = () => controlId(props.path);
  const [names, setNames] = createSignal<Record<string, string>>({});
  const label = (v: string) => names()[v] ?? props.itemLabel?.(v) ?? v;
  return (
    <fieldset class="field list-editor person-picker">
      <legend>{props.label}</legend>
      <Hint id={id()} hint={props.hint} />
      <Show when={props.items.length > 0} fallback={<p class="meta">{t.common.nobody}</p>}>
        <Chips
          items={props.items}
          text={(item) => <span>{label(item)}</span>}
          removeLabel={(item) => t.common.removeItem(label(item))}
          onRemove={(_, i) => {
            props.onChange(props.items.filter((_, j) => j !== i));
            queueMicrotask(() => document.getElementById(id())?.focus());
          }}
        />
      </Show>
      <label for={id()} class="visually-hidden">
        {t.people.addTo(props.label)}
      </label>
      <PersonBox
        id={id()}
        value={undefined}
        exclude={props.items}
        listLabel={props.label}
        describedBy={describedBy({ id: id(), hint: props.hint, error: props.error })}
        invalid={Boolean(props.error)}
        onChange={(person) => {
          if (!person) return;
          if (person.name) setNames((n) => ({ ...n, [person.id]: person.name as string }));
          if (!props.items.includes(person.id)) props.onChange([...props.items, person.id]);
        }}
      />
      <FieldError id={id()} error={props.error} />
    </fieldset>
  );
}
