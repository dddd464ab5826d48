/** The signed-in person: who they are, their roles, and which non-essential emails they get (SPEC §6). */
import { createSignal, For, Show } from 'solid-js';
import type { User } from '#shared/model.ts';
import { MUTABLE_EVENTS, type MutableEvent } from '#shared/notifications.ts';
import { api, errorMessage } from '../api.ts';
import { createLoader } from '../data.ts';
import { roleWords } from '../profile.ts';
import { setCurrentUser } from '../session.ts';
import { t } from '../strings.ts';
import { ErrorNote, Loading, usePageTitle } from '../ui.tsx';

export default function Profile() {
  usePageTitle(() => t.profile.title);
  // Read afresh: the session's copy may predate a change made elsewhere.
  const me = createLoader(
    () => true,
    () => api.me(),
  );

  return (
    <Show
      when={me.value()}
      fallback={
        <Show when={me.error()} fallback={<Loading />}>
          {(e) => <ErrorNote error={e()} onRetry={() => void me.reload()} />}
        </Show>
      }
    >
      {(data) => (
        <section class="narrow">
          <h1>{t.profile.title}</h1>
          <dl class="facts">
            <div>
              <dt>{t.profile.name}</dt>
              <dd>{data().user.name}</dd>
            </div>
            <div>
              <dt>{t.profile.email}</dt>
              <dd>{data().user.email}</dd>
            </div>
            <div>
              <dt>{t.profile.roles}</dt>
              <dd>
                <ul class="plain-list">
                  <For each={roleWords(data().user)}>{(role) => <li>{role}</li>}</For>
                </ul>
              </dd>
            </div>
          </dl>
          <Notifications user={data().user} onSaved={(user) => me.set({ user })} />
        </section>
      )}
    </Show>
  );
}

function Notifications(props: { user: User; onSaved: (user: User) => void }) {
  const [muted, setMuted] = createSignal(new Set(props.user.mutedEvents ?? []));
  const [saving, setSaving] = createSignal(false);
  const [notice, setNotice] = createSignal<string>();
  const [failure, setFailure] = createSignal<string>();

  const toggle = (event: MutableEvent, wanted: boolean) => {
    setNotice(undefined);
    setMuted((prev) => {
      const next = new Set(prev);
      if (wanted) next.delete(event);
      else next.add(event);
      return next;
    });
  };

  async function save(event: SubmitEvent) {
    event.preventDefault();
    if (saving()) return;
    setSaving(true);
    setNotice(undefined);
    setFailure(undefined);
    try {
      const chosen = MUTABLE_EVENTS.filter((e) => muted().has(e));
      const { user } = await api.savePreferences(chosen);
      setCurrentUser(user);
      props.onSaved(user);
      setNotice(t.profile.saved);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <section aria-labelledby="notifications-title">
      <h2 id="notifications-title">{t.profile.notificationsTitle}</h2>
      <p id="notifications-intro">{t.profile.notificationsIntro}</p>
      <form class="comment-form" onSubmit={(e) => void save(e)}>
        <fieldset class="field" aria-describedby="notifications-intro">
          <legend>{t.profile.notificationsLegend}</legend>
          <For each={MUTABLE_EVENTS}>
            {(event) => (
              <div class="check">
                <input
                  id={`notify-${event}`}
                  type="checkbox"
                  checked={!muted().has(event)}
                  onChange={(e) => toggle(event, e.currentTarget.checked)}
                />
                <label for={`notify-${event}`}>{t.profile.events[event]}</label>
              </div>
            )}
          </For>
        </fieldset>
        <div aria-live="polite">
          <Show when={notice()}>
            <p class="notice success">{notice()}</p>
          </Show>
        </div>
        <Show when={failure()}>
          <div class="notice error" role="alert">
            <p>{failure()}</p>
          </div>
        </Show>
        <button type="submit" class="primary" disabled={saving()}>
          {saving() ? t.common.saving : t.profile.save}
        </button>
      </form>
    </section>
  );
}
