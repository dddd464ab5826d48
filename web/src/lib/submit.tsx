/**
 * The portal's one way to send something: `createSubmit` runs a write once at a time, keeps what it
 * said (success words, a refusal's message and its messages per field), and can show the outcome
 * ahead of the answer and undo it when the API refuses. `Outcome` and `SubmitButton` show it.
 */
import { type Accessor, createSignal, type JSX, Show } from 'solid-js';
import { errorMessage, fieldErrors } from './api.ts';
import type { FieldErrors } from './paths.ts';
import { Alert } from './ui.tsx';

export interface Submit<A extends unknown[]> {
  pending: Accessor<boolean>;
  /** Success words of the last run. */
  notice: Accessor<string | undefined>;
  /** Why the last run failed, in words. */
  error: Accessor<string | undefined>;
  /** The refusal's messages by path ("answers.fullName"), as the API sent them. */
  fields: Accessor<FieldErrors>;
  /** Whether success words are said (then `Outcome` keeps a live region for them). */
  announces: boolean;
  /** Runs the write unless one is under way; true when it worked. */
  run: (...args: A) => Promise<boolean>;
  /** Says something that needs no sending ("nothing changed"), the way success is said. */
  said: (message: string) => void;
  /** Says a problem found before sending, the way a refusal is said. */
  fail: (message: string | undefined, fields?: FieldErrors) => void;
  /** Forgets what the last run said (only its success words with `'notice'`). */
  clear: (only?: 'notice') => void;
}

export interface SubmitOptions<A extends unknown[], R> {
  /** Success words, from what the write answered. */
  done?: (result: R, ...args: A) => string | undefined;
  /** Shows the outcome at once; returns how to undo it if the write fails. */
  optimistic?: (...args: A) => () => void;
  /**
   * Words for a failure (default: the API's message), after acting on it (a conflict reloads);
   * `undefined` keeps the default, an empty string says nothing.
   */
  failed?: (error: unknown, ...args: A) => string | undefined | Promise<string | undefined>;
}

export function createSubmit<A extends unknown[], R = unknown>(
  work: (...args: A) => Promise<R>,
  options: SubmitOptions<A, R> = {},
): Submit<A> {
  const [pending, setPending] = createSignal(false);
  const [notice, setNotice] = createSignal<string>();
  const [error, setError] = createSignal<string>();
  const [fields, setFields] = createSignal<FieldErrors>({});

  const clear = (only?: 'notice') => {
    setNotice(undefined);
    if (only) return;
    setError(undefined);
    setFields({});
  };

  async function run(...args: A): Promise<boolean> {
    if (pending()) return false;
    setPending(true);
    clear();
    const undo = options.optimistic?.(...args);
    try {
      const result = await work(...args);
      setNotice(options.done?.(result, ...args));
      return true;
    } catch (e) {
      undo?.();
      setFields(fieldErrors(e));
      setError((await options.failed?.(e, ...args)) ?? errorMessage(e));
      return false;
    } finally {
      setPending(false);
    }
  }

  return {
    pending,
    notice,
    error,
    fields,
    announces: options.done !== undefined,
    run,
    said: (message) => {
      setError(undefined);
      setFields({});
      setNotice(message);
    },
    fail: (message, found = {}) => {
      setNotice(undefined);
      setError(message);
      setFields(found);
    },
    clear,
  };
}

/** A form's submit handler: the page stays, `send` runs. */
export function submitWith(send: () => unknown): (event: SubmitEvent) => void {
  return (event) => {
    event.preventDefault();
    void send();
  };
}

/**
 * What a submit said: success words in a live region (when it says any), a failure as an alert
 * (with `children` inside it, e.g. the choices after a conflict).
 */
export function Outcome(props: {
  of: Submit<never>;
  children?: JSX.Element;
  id?: string;
  /** More to say in the live region (e.g. "not saved yet"). */
  notice?: JSX.Element;
  /** Keep the live region even when the submit has no success words (`said` may use it). */
  live?: boolean;
  noticeTestId?: string;
}) {
  return (
    <>
      <Show when={props.of.announces || props.live}>
        <div aria-live="polite">
          <Show when={props.of.notice()}>
            <p class="notice success" data-testid={props.noticeTestId}>
              {props.of.notice()}
            </p>
          </Show>
          {props.notice}
        </div>
      </Show>
      <Show when={props.of.error()}>
        <Alert text={props.of.error()} id={props.id}>
          {props.children}
        </Alert>
      </Show>
    </>
  );
}

/** The form's submit button: disabled while sending, with its own words meanwhile. */
export function SubmitButton(props: {
  of: Submit<never>;
  class?: string;
  busy?: string;
  disabled?: boolean;
  children: JSX.Element;
}) {
  return (
    <button type="submit" class={props.class ?? 'primary'} disabled={props.of.pending() || props.disabled}>
      {props.of.pending() && props.busy ? props.busy : props.children}
    </button>
  );
}

/**
 * The end of a form: what the submit said, then its button, and beside it the button that closes the
 * form when it can be closed (`sticky` keeps them in view on long forms).
 */
export function FormEnd(props: {
  of: Submit<never>;
  submit: JSX.Element;
  busy?: string;
  submitClass?: string;
  disabled?: boolean;
  close?: { text: string; onClick: () => void };
  sticky?: boolean;
  /** Outcome's own: the alert's id, the notice's test id, what follows the failure (conflict choices). */
  id?: string;
  noticeTestId?: string;
  notice?: JSX.Element;
  children?: JSX.Element;
}) {
  const button = (
    <SubmitButton of={props.of} busy={props.busy} class={props.submitClass} disabled={props.disabled}>
      {props.submit}
    </SubmitButton>
  );
  return (
    <>
      <Outcome of={props.of} id={props.id} noticeTestId={props.noticeTestId} notice={props.notice}>
        {props.children}
      </Outcome>
      <Show when={props.close} fallback={button}>
        {(close) => (
          <div class={props.sticky ? 'button-row sticky-actions' : 'button-row'}>
            {button}
            <button type="button" class="secondary" onClick={() => close().onClick()}>
              {close().text}
            </button>
          </div>
        )}
      </Show>
    </>
  );
}
