/**
 * The audit log, a month at a time: role changes, departments' settings, calendars and goals, and
 * services' edits, publishing and retiring, each said in one sentence with what it was before and after.
 */
import { useSearchParams } from '@solidjs/router';
import { createEffect, createMemo, createSignal, For, on, Show } from 'solid-js';
import { api } from '../lib/api.ts';
import { Facts, Page, WordList } from '../lib/blocks.tsx';
import { createLoader, Loaded } from '../lib/load.tsx';
import { t } from '../lib/strings.ts';
import { DateTime } from '../lib/ui.tsx';
import {
  type AuditEntry,
  auditSentence,
  currentMonth,
  fieldWords,
  isMonth,
  monthWords,
  readAudit,
  roleSetWords,
  shiftMonth,
  valueWords,
} from './audit.ts';

export default function AdminAudit() {
  const [params, setParams] = useSearchParams<{ month?: string }>();
  const month = () => (params.month && isMonth(params.month) ? params.month : currentMonth());
  // What is typed in the box; the page follows it once it is a whole month.
  const [typed, setTyped] = createSignal(month());
  const typedBad = () => !isMonth(typed());
  // Back and forward change the month in the address; the box follows.
  createEffect(on(month, (m) => setTyped(m), { defer: true }));

  const log = createLoader(month, async (m) => {
    // Names for the sentences; without them the ids are shown.
    const [entries, users] = await Promise.all([api.audit(m).then(readAudit), api.users().catch(() => [])]);
    return { entries, names: new Map(users.map((u) => [u.id, u.name])) };
  });
  const nameOf = (id: string) => log.value()?.names.get(id) ?? id;

  const go = (next: string) => {
    setTyped(next);
    setParams({ month: next === currentMonth() ? undefined : next });
  };
  const label = createMemo(() => monthWords(month()));

  return (
    <Page title={t.admin.audit.title} intro={t.admin.audit.intro}>
      <div class="filters audit-month">
        <div class="field">
          <label for="audit-month">{t.admin.audit.month}</label>
          <input
            id="audit-month"
            type="month"
            placeholder={t.admin.audit.monthPlaceholder}
            value={typed()}
            aria-invalid={typedBad() ? 'true' : undefined}
            aria-describedby={typedBad() ? 'audit-month-hint audit-month-error' : 'audit-month-hint'}
            onInput={(e) => {
              const value = e.currentTarget.value.trim();
              setTyped(value);
              if (isMonth(value)) go(value);
            }}
          />
          <p id="audit-month-hint" class="hint">
            {t.admin.audit.monthHint}
          </p>
          <Show when={typedBad()}>
            <p id="audit-month-error" class="field-error">
              {t.admin.audit.badMonth}
            </p>
          </Show>
        </div>
        <div class="button-row">
          <button type="button" class="secondary small" onClick={() => go(shiftMonth(month(), -1))}>
            {t.admin.audit.previous}
          </button>
          <button type="button" class="secondary small" onClick={() => go(shiftMonth(month(), 1))}>
            {t.admin.audit.next}
          </button>
        </div>
      </div>

      <h2 id="audit-month-title">{label()}</h2>
      <Loaded of={log}>
        {(data) => (
          <Show when={data().entries.length > 0} fallback={<p class="empty">{t.admin.audit.empty(label())}</p>}>
            <p class="count" aria-live="polite">
              {t.admin.audit.count(data().entries.length)}
            </p>
            <ol class="audit-list" aria-labelledby="audit-month-title">
              <For each={data().entries}>{(entry) => <AuditItem entry={entry} nameOf={nameOf} />}</For>
            </ol>
          </Show>
        )}
      </Loaded>
    </Page>
  );
}

function AuditItem(props: { entry: AuditEntry; nameOf: (id: string) => string }) {
  return (
    <li class="audit-entry surface" data-testid="audit-entry">
      <p class="audit-sentence">{auditSentence(props.entry, props.nameOf)}</p>
      <p class="meta">
        <DateTime iso={props.entry.at} />
      </p>
      <Show
        when={props.entry.action === 'roles_changed'}
        fallback={
          <Show when={(props.entry.changes ?? []).length > 0}>
            <details>
              <summary>{t.admin.audit.details}</summary>
              <For each={props.entry.changes ?? []}>
                {(change) => (
                  <div class="audit-change" data-testid="audit-change">
                    <h3>{fieldWords(change.field)}</h3>
                    <Facts
                      facts={[
                        {
                          term: t.admin.audit.before,
                          detail: <WordList words={valueWords(change.field, change.before)} />,
                        },
                        {
                          term: t.admin.audit.after,
                          detail: <WordList words={valueWords(change.field, change.after)} />,
                        },
                      ]}
                    />
                  </div>
                )}
              </For>
            </details>
          </Show>
        }
      >
        <details>
          <summary>{t.admin.audit.details}</summary>
          <Facts
            facts={[
              {
                term: t.admin.audit.before,
                detail: <WordList words={roleSetWords(props.entry.before ?? { memberships: {}, admin: false })} />,
              },
              {
                term: t.admin.audit.after,
                detail: <WordList words={roleSetWords(props.entry.after ?? { memberships: {}, admin: false })} />,
              },
            ]}
          />
        </details>
      </Show>
    </li>
  );
}
