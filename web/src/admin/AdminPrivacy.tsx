/**
 * A person's data on request (GDPR articles 15, 17 and 20): an administrator picks a person, exports
 * what Ordo holds about them (a link to the JSON archive) or erases them after a confirmation step.
 */
import { createSignal, Show } from 'solid-js';
import type { ErasureAnswer } from '#shared/privacy.ts';
import { call } from '../lib/client.ts';
import { type PersonChoice, PersonPicker } from '../lib/PersonPicker.tsx';
import { t } from '../lib/strings.ts';
import { usePageTitle } from '../lib/ui.tsx';

export default function AdminPrivacy() {
  const w = () => t.admin.privacy;
  usePageTitle(() => w().title);
  const [person, setPerson] = createSignal<PersonChoice | undefined>();
  const [link, setLink] = createSignal<string | undefined>();
  const [confirming, setConfirming] = createSignal(false);
  const [erased, setErased] = createSignal<ErasureAnswer | undefined>();
  const [failed, setFailed] = createSignal(false);
  const [busy, setBusy] = createSignal(false);

  const run = async (work: (id: string) => Promise<void>) => {
    const chosen = person();
    if (!chosen || busy()) return;
    setBusy(true);
    setFailed(false);
    try {
      await work(chosen.id);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  const exportData = () =>
    run(async (id) => {
      const answer = await call('POST /users/:id/export', { params: { id } });
      setLink(answer.url);
    });
  const erase = () =>
    run(async (id) => {
      setErased(await call('POST /users/:id/erase', { params: { id }, body: { confirm: true } }));
      setConfirming(false);
    });

  return (
    <section class="admin-privacy" aria-labelledby="privacy-title">
      <h1 id="privacy-title">{w().title}</h1>
      <PersonPicker
        id="privacy-person"
        label={w().person}
        value={person()}
        onChange={(chosen) => {
          setPerson(chosen);
          setLink(undefined);
          setErased(undefined);
          setConfirming(false);
        }}
      />
      <Show when={person()}>
        <p class="actions">
          <button type="button" disabled={busy()} onClick={exportData}>
            {w().export}
          </button>{' '}
          <button type="button" class="danger" disabled={busy()} onClick={() => setConfirming(true)}>
            {w().erase}
          </button>
        </p>
      </Show>
      <Show when={link()}>
        {(href) => (
          <p>
            <a href={href()} download="ordo-export.json">
              {w().download}
            </a>
          </p>
        )}
      </Show>
      <Show when={confirming()}>
        <div role="alertdialog" aria-labelledby="erase-warning" class="confirm">
          <p id="erase-warning">{w().confirmText}</p>
          <button type="button" class="danger" disabled={busy()} onClick={erase}>
            {w().confirm}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            {w().cancel}
          </button>
        </div>
      </Show>
      <Show when={erased()}>
        {(done) => <p role="status">{w().erased(done().alias, done().orders, done().files)}</p>}
      </Show>
      <Show when={failed()}>
        <p role="alert">{w().failed}</p>
      </Show>
    </section>
  );
}
