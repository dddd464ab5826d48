import { useNavigate, useSearchParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { api } from '../api.ts';
import { createLoader } from '../data.ts';
import { safeNext } from '../format.ts';
import { startSession } from '../session.ts';
import { setLanguage, t } from '../strings.ts';
import { ErrorNote, Loading, usePageTitle } from '../ui.tsx';

export default function SignIn() {
  usePageTitle(() => t.signIn.title);
  const navigate = useNavigate();
  const [search] = useSearchParams<{ next?: string }>();
  const people = createLoader(
    () => true,
    () => api.demoUsers(),
  );
  const [pending, setPending] = createSignal<string>();
  const [error, setError] = createSignal<unknown>();

  async function choose(userId: string, name: string) {
    setPending(name);
    setError(undefined);
    try {
      const session = await api.signIn(userId);
      startSession(session.token, session.user);
      const next = safeNext(search.next);
      // In another language the page loads afresh where sign-in was heading.
      if (session.user.language && setLanguage(session.user.language, next)) return;
      navigate(next, { replace: true });
    } catch (e) {
      setError(() => e);
    } finally {
      setPending(undefined);
    }
  }

  return (
    <section class="narrow">
      <h1>{t.signIn.title}</h1>
      <p>{t.signIn.intro}</p>
      <Show when={error()}>{(e) => <ErrorNote error={e()} />}</Show>
      <Show when={pending()}>{(name) => <Loading text={t.signIn.signingIn(name())} />}</Show>
      <Show
        when={people.value()}
        fallback={
          <Show when={people.error()} fallback={<Loading />}>
            {(e) => <ErrorNote error={e()} onRetry={() => void people.reload()} />}
          </Show>
        }
      >
        {(list) => (
          <Show when={list().length > 0} fallback={<p class="empty">{t.signIn.empty}</p>}>
            <ul class="people" aria-label={t.signIn.listLabel}>
              <For each={list()}>
                {(person) => (
                  <li>
                    <button
                      type="button"
                      class="person"
                      disabled={pending() !== undefined}
                      onClick={() => void choose(person.id, person.name)}
                    >
                      <strong>{person.name}</strong>
                      <span>{person.summary}</span>
                    </button>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
    </section>
  );
}
