/**
 * The signed-in person: who they are, their roles, the language of the portal, and which
 * non-essential emails they get (SPEC §6).
 */
import { createSignal, For } from 'solid-js';
import { LANGUAGES, type Language, type User } from '#shared/model.ts';
import { MUTABLE_EVENTS, type MutableEvent } from '#shared/notifications.ts';
import { api } from '../lib/api.ts';
import { Facts, WordList } from '../lib/blocks.tsx';
import { Check, SelectBox } from '../lib/fields.tsx';
import { createLoader, Loaded } from '../lib/load.tsx';
import { language, setLanguage, t } from '../lib/strings.ts';
import { createSubmit, FormEnd, submitWith } from '../lib/submit.tsx';
import { usePageTitle } from '../lib/ui.tsx';
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
    <Loaded of={me}>
      {(data) => (
        <section class="narrow">
          <h1>{t.profile.title}</h1>
          <Facts
            facts={[
              { term: t.profile.name, detail: data().user.name },
              { term: t.profile.email, detail: data().user.email },
              { term: t.profile.roles, detail: <WordList words={roleWords(data().user)} /> },
            ]}
          />
          <LanguageChoice user={data().user} onSaved={(user) => me.set({ user })} />
          <Notifications user={data().user} onSaved={(user) => me.set({ user })} />
        </section>
      )}
    </Loaded>
  );
}

/** The portal's language, kept on the person so every device they sign in on uses it. */
function LanguageChoice(props: { user: User; onSaved: (user: User) => void }) {
  const [chosen, setChosen] = createSignal<Language>(props.user.language ?? language);
  const save = createSubmit(
    async () => {
      const { user } = await api.savePreferences({ language: chosen() });
      setCurrentUser(user);
      props.onSaved(user);
      // A new language reloads the page (the button stays busy meanwhile); the one in use only needs saying so.
      if (setLanguage(chosen())) await new Promise(() => {});
    },
    { done: () => t.profile.languageSaved },
  );

  return (
    <section aria-labelledby="language-title">
      <h2 id="language-title">{t.profile.languageTitle}</h2>
      <form class="comment-form surface" onSubmit={submitWith(save.run)}>
        <SelectBox
          id="language"
          label={t.profile.languageLabel}
          hint={t.profile.languageHint}
          value={chosen()}
          options={LANGUAGES.map((lang) => ({ value: lang, label: t.languageNames[lang], lang }))}
          onChange={(lang) => {
            save.clear();
            setChosen(lang);
          }}
        />
        <FormEnd of={save} busy={t.profile.languageSaving} submit={t.profile.languageSave} />
      </form>
    </section>
  );
}

function Notifications(props: { user: User; onSaved: (user: User) => void }) {
  const [muted, setMuted] = createSignal(new Set(props.user.mutedEvents ?? []));
  const save = createSubmit(
    async () => {
      const { user } = await api.savePreferences({ mutedEvents: MUTABLE_EVENTS.filter((e) => muted().has(e)) });
      setCurrentUser(user);
      props.onSaved(user);
    },
    { done: () => t.profile.saved },
  );

  const toggle = (event: MutableEvent, wanted: boolean) => {
    save.clear();
    setMuted((prev) => {
      const next = new Set(prev);
      if (wanted) next.delete(event);
      else next.add(event);
      return next;
    });
  };

  return (
    <section aria-labelledby="notifications-title">
      <h2 id="notifications-title">{t.profile.notificationsTitle}</h2>
      <p id="notifications-intro">{t.profile.notificationsIntro}</p>
      <form class="comment-form surface" onSubmit={submitWith(save.run)}>
        <fieldset class="field" aria-describedby="notifications-intro">
          <legend>{t.profile.notificationsLegend}</legend>
          <For each={MUTABLE_EVENTS}>
            {(event) => (
              <Check
                id={`notify-${event}`}
                label={t.profile.events[event]}
                checked={!muted().has(event)}
                onChange={(checked) => toggle(event, checked)}
              />
            )}
          </For>
        </fieldset>
        <FormEnd of={save} busy={t.common.saving} submit={t.profile.save} />
      </form>
    </section>
  );
}
