/**
 * Where the provider sends the person back (`/auth/callback?code=…&state=…`): completes the code
 * flow, loads the profile, and continues to the page sign-in started from. A failure goes to the
 * sign-in page, which says what happened and offers to try again.
 */
import { useNavigate } from '@solidjs/router';
import { onMount } from 'solid-js';
import { ApiError } from '../lib/api.ts';
import { t } from '../lib/strings.ts';
import { Loading, usePageTitle } from '../lib/ui.tsx';
import type { SignInState } from './SignIn.tsx';
import { finishSignIn } from './session.ts';

/** The provider's refusal ("access_denied", with its description) or the API's, in words. */
function failure(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (typeof error === 'object' && error !== null && 'error' in error && typeof error.error === 'string') {
    const description = 'error_description' in error ? error.error_description : undefined;
    return t.signIn.refused(typeof description === 'string' && description ? description : error.error);
  }
  return t.signIn.failed;
}

export default function AuthCallback() {
  usePageTitle(() => t.signIn.title);
  const navigate = useNavigate();
  onMount(() => {
    finishSignIn(window.location.href).then(
      (next) => navigate(next, { replace: true }),
      (error: unknown) =>
        navigate('/sign-in', { replace: true, state: { error: failure(error) } satisfies SignInState }),
    );
  });
  return (
    <section class="narrow">
      <h1>{t.signIn.title}</h1>
      <Loading text={t.signIn.signingIn} />
    </section>
  );
}
