/**
 * The sign-in page: one button to the organisation's sign-in (the OpenID provider), and what went
 * wrong when the last attempt failed. Pages behind sign-in go to the provider directly; this page is
 * where sign-out lands and where a failed sign-in explains itself.
 */
import { useLocation, useSearchParams } from '@solidjs/router';
import { createSignal, onCleanup, Show } from 'solid-js';
import { safeNext } from '../lib/format.ts';
import { t } from '../lib/strings.ts';
import { ErrorNote, usePageTitle } from '../lib/ui.tsx';
import { problem, setProblem, startSignIn } from './session.ts';

/** What the callback page passes along when sign-in did not complete, or that sign-out happened. */
export interface SignInState {
  error?: string;
  signedOut?: boolean;
}

export default function SignIn() {
  usePageTitle(() => t.signIn.title);
  const location = useLocation<SignInState>();
  const [search] = useSearchParams<{ next?: string }>();
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const message = () => problem() ?? location.state?.error;
  onCleanup(() => setProblem(undefined));

  async function signIn() {
    setPending(true);
    setError(undefined);
    try {
      await startSignIn(safeNext(search.next));
    } catch (e) {
      setError(() => e);
    } finally {
      // Reached when the person comes back from the provider's page without signing in.
      setPending(false);
    }
  }

  return (
    <section class="narrow">
      <h1>{t.signIn.title}</h1>
      <Show when={location.state?.signedOut && !message()}>
        <p class="notice success" role="status">
          {t.signIn.signedOut}
        </p>
      </Show>
      <Show when={message()}>
        {(m) => (
          <div class="notice error" role="alert">
            <p>{m()}</p>
          </div>
        )}
      </Show>
      <Show when={error()}>{(e) => <ErrorNote error={e()} />}</Show>
      <p>{t.signIn.intro}</p>
      <button type="button" class="primary" disabled={pending()} onClick={() => void signIn()}>
        {pending() ? t.signIn.redirecting : t.signIn.button}
      </button>
    </section>
  );
}
