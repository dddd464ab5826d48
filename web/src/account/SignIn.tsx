/**
 * The sign-in page: one button to the organisation's sign-in (the OpenID provider), and what went
 * wrong when the last attempt failed. Pages behind sign-in go to the provider directly; this page is
 * where sign-out lands and where a failed sign-in explains itself.
 */
import { useLocation, useSearchParams } from '@solidjs/router';
import { onCleanup, Show } from 'solid-js';
import { safeNext } from '../lib/format.ts';
import { t } from '../lib/strings.ts';
import { createSubmit, Outcome } from '../lib/submit.tsx';
import { Alert, usePageTitle } from '../lib/ui.tsx';
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
  // The page stays when the person comes back from the provider's page without signing in.
  const signIn = createSubmit(() => startSignIn(safeNext(search.next)));
  const message = () => problem() ?? location.state?.error;
  onCleanup(() => setProblem(undefined));

  return (
    <section class="narrow">
      <h1>{t.signIn.title}</h1>
      <Show when={location.state?.signedOut && !message()}>
        <p class="notice success" role="status">
          {t.signIn.signedOut}
        </p>
      </Show>
      <Show when={message()}>{(m) => <Alert text={m()} />}</Show>
      <Outcome of={signIn} />
      <p>{t.signIn.intro}</p>
      <button type="button" class="primary" disabled={signIn.pending()} onClick={() => void signIn.run()}>
        {signIn.pending() ? t.signIn.redirecting : t.signIn.button}
      </button>
    </section>
  );
}
