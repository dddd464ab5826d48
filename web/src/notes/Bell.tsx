/**
 * The bell in the header: how many notifications are unread, and a panel listing them. The count is
 * read when the portal loads, every ~45 s while the tab is seen and on return to it (one small Query);
 * the list only when the panel opens. Following a notification opens its order and marks it read.
 */
import { A } from '@solidjs/router';
import { createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import type { NoteView } from '#shared/notes.ts';
import { unreadBadge } from '#shared/notes.ts';
import { api } from '../lib/api.ts';
import { useAutoRefresh } from '../lib/clock.ts';
import { t } from '../lib/strings.ts';
import { DateTime } from '../lib/ui.tsx';
import './notes.css';

/** A note in the reader's words. */
export function noteText(note: NoteView): string {
  const say = t.notes.event[note.event];
  const facts = { number: note.orderNumber, name: note.requesterName ?? t.notes.someone };
  return say ? say(facts) : note.orderNumber;
}

export function Bell() {
  const [unread, setUnread] = createSignal(0);
  const [open, setOpen] = createSignal(false);
  const [notes, setNotes] = createSignal<NoteView[]>([]);
  const [cursor, setCursor] = createSignal<string>();
  const [loading, setLoading] = createSignal(false);
  const [failed, setFailed] = createSignal(false);
  let button: HTMLButtonElement | undefined;
  let root: HTMLDivElement | undefined;

  const readCount = async () => setUnread((await api.unreadNotes()).unread);
  onMount(() => void readCount().catch(() => undefined));
  useAutoRefresh(readCount);

  const load = async (more = false) => {
    setLoading(true);
    setFailed(false);
    try {
      const page = await api.notes(more ? cursor() : undefined);
      setNotes((before) => (more ? [...before, ...page.items] : page.items));
      setCursor(page.nextCursor);
      setUnread(page.unread);
    } catch {
      setFailed(true);
    } finally {
      setLoading(false);
    }
  };

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button?.focus();
  };
  const toggle = () => {
    if (open()) return close(false);
    setOpen(true);
    void load();
  };

  const markRead = (note: NoteView) => {
    close(false);
    if (note.read) return;
    setNotes((list) => list.map((n) => (n.id === note.id ? { ...n, read: true } : n)));
    setUnread((n) => Math.max(0, n - 1));
    void api
      .markNotesRead([note.id])
      .then((r) => setUnread(r.unread))
      .catch(() => undefined);
  };
  const markAll = async () => {
    try {
      const r = await api.markAllNotesRead();
      setNotes((list) => list.map((n) => ({ ...n, read: true })));
      setUnread(r.unread);
    } catch {
      setFailed(true);
    }
  };

  // Escape and a click elsewhere close the panel.
  onMount(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && open()) close(true);
    };
    const onClick = (e: MouseEvent) => {
      if (open() && root && !root.contains(e.target as Node)) close(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('click', onClick);
    onCleanup(() => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('click', onClick);
    });
  });

  return (
    <div class="bell" ref={root}>
      <button
        ref={button}
        type="button"
        class="bell-button"
        aria-expanded={open()}
        aria-controls="notes-panel"
        aria-label={t.notes.bell(unread())}
        data-testid="bell"
        onClick={toggle}
      >
        <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
          />
        </svg>
        <Show when={unreadBadge(unread())}>{(badge) => <span class="bell-count">{badge()}</span>}</Show>
      </button>
      <Show when={open()}>
        <section id="notes-panel" class="notes-panel" aria-labelledby="notes-title">
          <div class="notes-head">
            <h2 id="notes-title">{t.notes.title}</h2>
            <Show when={notes().some((n) => !n.read)}>
              <button type="button" class="link-button" onClick={() => void markAll()}>
                {t.notes.markAll}
              </button>
            </Show>
          </div>
          <Show when={failed()}>
            <p class="notice error" role="alert">
              {t.errors.network}
            </p>
          </Show>
          <Show when={!loading() || notes().length > 0} fallback={<p class="loading">{t.common.loading}</p>}>
            <Show when={notes().length > 0} fallback={<p class="empty">{t.notes.empty}</p>}>
              <ul class="notes-list">
                <For each={notes()}>
                  {(note) => (
                    <li classList={{ unread: !note.read }}>
                      <A href={`/orders/${encodeURIComponent(note.orderNumber)}`} onClick={() => markRead(note)}>
                        <Show when={!note.read}>
                          <span class="visually-hidden">{t.notes.unread}: </span>
                        </Show>
                        {noteText(note)}
                      </A>
                      <span class="meta">
                        <DateTime iso={note.at} />
                      </span>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </Show>
          <Show when={cursor()}>
            <button type="button" disabled={loading()} onClick={() => void load(true)}>
              {loading() ? t.common.loadingMore : t.notes.older}
            </button>
          </Show>
          <p class="meta">{t.notes.kept}</p>
        </section>
      </Show>
    </div>
  );
}
