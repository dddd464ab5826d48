/**
 * The signed-in person: who they are, their roles, the language of the portal, and which
 * non-essential emails they get (SPEC §6).
 */
import { createSignal, For, Show } from 'solid-js';
import { LANGUAGES, type Language, type User } from '#shared/model.ts';
import { MUTABLE_EVENTS, type MutableEvent } from '#shared/notifications.ts';
import { api, errorMessage } from '../lib/api.ts';
import { createLoader } from '../lib/data.ts';
import { language, setLanguage, t } from '../lib/strings.ts';
import { ErrorNote, Loading, usePageTitle } from '../lib/ui.tsx';
import { roleWords } from './profile.ts';
import { setCurrentUser } from './session.ts';

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
          <LanguageChoice user={data().user} onSaved={(user) => me.set({ user })} />
          <Notifications user={data().user} onSaved={(user) => me.set({ user })} />
        </section>
      )}
    </Show>
  );
}

/** The portal's language, kept on the person so every device they sign in on uses it. */
function LanguageChoice(props: { user: User; onSaved: (user: User) => void }) {
  const [chosen, setChosen] = createSignal<Language>(props.user.language ?? language);
  const [saving, setSaving] = createSignal(false);
  const [notice, setNotice] = createSignal<string>();
  const [failure, setFailure] = createSignal<string>();

  async function save(event: SubmitEvent) {
    event.preventDefault();
    if (saving()) return;
    setSaving(true);
    setNotice(undefined);
    setFailure(undefined);
    try {
      const { user } = await api.savePreferences({ language: chosen() });
      setCurrentUser(user);
      props.onSaved(user);
      // A new language reloads the page; the one in use only needs saying so.
      if (setLanguage(chosen())) return;
      setNotice(t.profile.languageSaved);
    } catch (error) {
      setFailure(errorMessage(error));
    }
    setSaving(false);
  }

  return (
    <section aria-labelledby="language-title">
      <h2 id="language-title">{t.profile.languageTitle}</h2>
      <form class="comment-form" onSubmit={(e) => void save(e)}>
        <div class="field">
          <label for="language">{t.profile.languageLabel}</label>
          <p id="language-hint" class="hint">
            {t.profile.languageHint}
          </p>
          <select
            id="language"
            aria-describedby="language-hint"
            onChange={(e) => {
              setNotice(undefined);
              setChosen(e.currentTarget.value as Language);
            }}
          >
            <For each={LANGUAGES}>
              {(lang) => (
                <option value={lang} lang={lang} selected={lang === chosen()}>
                  {t.languageNames[lang]}
                </option>
              )}
            </For>
          </select>
        </div>
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
          {saving() ? t.profile.languageSaving : t.profile.languageSave}
        </button>
      </form>
    </section>
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
      const { user } = await api.savePreferences({ mutedEvents: chosen });
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
