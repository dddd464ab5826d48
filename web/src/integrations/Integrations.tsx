import { useParams } from '@solidjs/router';
import { createSignal, type JSX, Show } from 'solid-js';
import { TOKEN_SCOPES, type TokenScope, WEBHOOK_EVENTS, type WebhookEvent } from '#shared/integrations.ts';
import { api, type TokenListing } from '../lib/api.ts';
import { Table } from '../lib/blocks.tsx';
import { DepartmentPage, HeadOnly } from '../lib/department-page.tsx';
import { CheckList, TextBox } from '../lib/fields.tsx';
import { createLoader, Loaded } from '../lib/load.tsx';
import { t } from '../lib/strings.ts';
import { createSubmit, FormEnd, Outcome, type Submit, submitWith } from '../lib/submit.tsx';
import { DateCell, DateTime } from '../lib/ui.tsx';
import './integrations.css';

/** A secret shown this once, with a button that copies it. */
function Secret(props: { label: string; value: string; hint?: string }) {
  const [copied, setCopied] = createSignal(false);
  const copy = async () => {
    await navigator.clipboard?.writeText(props.value);
    setCopied(true);
  };
  return (
    <div class="notice success secret" role="status">
      <p>
        <strong>{props.label}</strong>
      </p>
      <p class="secret-row">
        <code data-testid="secret">{props.value}</code>
        <button type="button" onClick={() => void copy()}>
          {copied() ? t.integrations.copied : t.integrations.copy}
        </button>
      </p>
      <p>{t.integrations.shownOnce}</p>
      <Show when={props.hint}>
        <p class="meta">{props.hint}</p>
      </Show>
    </div>
  );
}

/** The form that makes a new token or subscription: its title, its fields, what came of it and its button. */
function NewForm(props: { title: string; of: Submit<[]>; create: string; busy: string; children: JSX.Element }) {
  return (
    <form class="surface integration-form" onSubmit={submitWith(() => props.of.run())}>
      <h3>{props.title}</h3>
      {props.children}
      <FormEnd of={props.of} submit={props.create} busy={props.busy} />
    </form>
  );
}

/** The day a year from now, the longest a token may live, and 90 days, the default. */
const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

function Tokens(props: { code: string }) {
  const w = t.integrations.tokens;
  const tokens = createLoader(() => props.code, api.apiTokens);
  const services = createLoader(() => props.code, api.departmentServices);
  const [name, setName] = createSignal('');
  const [scopes, setScopes] = createSignal<TokenScope[]>(['orders:file']);
  const [chosen, setChosen] = createSignal<string[]>([]);
  const [expires, setExpires] = createSignal(dayFromNow(90));
  const [secret, setSecret] = createSignal<{ name: string; value: string }>();

  const create = createSubmit(
    () =>
      api.createApiToken(props.code, {
        name: name(),
        scopes: scopes(),
        services: scopes().includes('orders:file') ? chosen() : [],
        expiresAt: expires(),
      }),
    {
      done: (made) => {
        setSecret({ name: made.token.name, value: made.secret });
        setName('');
        void tokens.reload();
        return undefined;
      },
    },
  );
  const revoke = createSubmit((token: TokenListing) => api.revokeApiToken(props.code, token.id), {
    done: (_r, token) => {
      void tokens.reload();
      return w.revoked(token.name);
    },
  });

  return (
    <section aria-labelledby="tokens-title">
      <h2 id="tokens-title">{w.title}</h2>
      <p>{w.intro}</p>
      <Outcome of={revoke} />
      <Loaded of={tokens} empty={<p class="empty">{w.empty}</p>}>
        <Table caption={w.caption} head={[w.name, w.scopes, w.expires, w.lastUsed, w.state, '']} each={tokens.value()}>
          {(token) => (
            <tr>
              <th scope="row">{token.name}</th>
              <td>
                {token.scopes.join(', ')}
                <Show when={token.services.length > 0}>
                  <span class="meta block">{token.services.join(', ')}</span>
                </Show>
              </td>
              <DateCell iso={token.expiresAt} />
              <td>
                <Show when={token.lastUsedAt} fallback={w.never}>
                  {(at) => <DateTime iso={at()} />}
                </Show>
              </td>
              <td>{w.stateWords[token.state]}</td>
              <td>
                <Show when={token.state === 'active'}>
                  <button
                    type="button"
                    class="danger"
                    aria-label={w.revokeLabel(token.name)}
                    disabled={revoke.pending()}
                    onClick={() => void revoke.run(token)}
                  >
                    {w.revoke}
                  </button>
                </Show>
              </td>
            </tr>
          )}
        </Table>
      </Loaded>
      <Show when={secret()}>{(s) => <Secret label={w.secret(s().name)} value={s().value} />}</Show>
      <NewForm title={w.new} of={create} create={w.create} busy={w.creating}>
        <TextBox id="token-name" label={w.name} hint={w.nameHint} required value={name()} onInput={setName} />
        <CheckList
          legend={w.scopes}
          options={TOKEN_SCOPES}
          chosen={scopes()}
          id={(scope) => `token-scope-${scope}`}
          label={(scope) => w.scopeWords[scope]}
          onChange={setScopes}
        />
        <Show when={scopes().includes('orders:file')}>
          <CheckList
            legend={w.services}
            options={(services.value() ?? []).filter((s) => s.status === 'published').map((s) => s.id)}
            chosen={chosen()}
            id={(id) => `token-service-${id}`}
            label={(id) => services.value()?.find((s) => s.id === id)?.name ?? id}
            onChange={setChosen}
          />
        </Show>
        <TextBox
          id="token-expires"
          type="date"
          label={w.expires}
          hint={w.expiresHint}
          required
          value={expires()}
          onInput={setExpires}
        />
      </NewForm>
    </section>
  );
}

function DeliveryLog(props: { code: string; id: string }) {
  const w = t.integrations.webhooks;
  const log = createLoader(
    () => props.id,
    (id: string) => api.webhookDeliveries(props.code, id),
  );
  return (
    <Loaded of={log}>
      <Show when={(log.value() ?? []).length > 0} fallback={<p class="empty">{w.logEmpty}</p>}>
        <Table caption={w.logCaption} head={[w.at, w.event, w.attempt, w.answer, w.duration]} each={log.value()}>
          {(entry) => (
            <tr classList={{ failed: !entry.ok }}>
              <DateCell iso={entry.at} />
              <td>
                {entry.event}
                <Show when={entry.orderNumber}>
                  <span class="meta block">{entry.orderNumber}</span>
                </Show>
              </td>
              <td>{entry.attempt}</td>
              <td>
                {entry.status ?? w.noAnswer}
                <Show when={entry.error}>
                  <span class="meta block">{entry.error}</span>
                </Show>
              </td>
              <td>{w.ms(entry.durationMs)}</td>
            </tr>
          )}
        </Table>
      </Show>
    </Loaded>
  );
}

function Webhooks(props: { code: string }) {
  const w = t.integrations.webhooks;
  const hooks = createLoader(() => props.code, api.webhooks);
  const [url, setUrl] = createSignal('https://');
  const [events, setEvents] = createSignal<WebhookEvent[]>(['order.filed', 'order.status_changed']);
  const [secret, setSecret] = createSignal<string>();
  const [open, setOpen] = createSignal<string>();

  const create = createSubmit(() => api.subscribeWebhook(props.code, { url: url(), events: events() }), {
    done: (made) => {
      setSecret(made.secret);
      void hooks.reload();
      return undefined;
    },
  });
  const act = createSubmit(
    async (id: string, action: 'pause' | 'resume' | 'delete' | 'test') => {
      if (action === 'test') await api.testWebhook(props.code, id);
      else if (action === 'delete') await api.deleteWebhook(props.code, id);
      else await api.setWebhookStatus(props.code, id, action === 'pause' ? 'paused' : 'active');
    },
    {
      done: (_r, _id, action) => {
        void hooks.reload();
        return action === 'test' ? w.tested : undefined;
      },
    },
  );

  return (
    <section aria-labelledby="webhooks-title">
      <h2 id="webhooks-title">{w.title}</h2>
      <p>{w.intro}</p>
      <Outcome of={act} />
      <Loaded of={hooks} empty={<p class="empty">{w.empty}</p>}>
        <Table caption={w.caption} head={[w.url, w.events, w.status, w.lastDelivery, '']} each={hooks.value()}>
          {(hook) => (
            <>
              <tr>
                <th scope="row" class="webhook-url">
                  {hook.url}
                </th>
                <td>{hook.events.map((e) => w.eventWords[e]).join(', ')}</td>
                <td>
                  {hook.pausedReason === 'failing' ? w.pausedFailing : w.statusWords[hook.status]}
                  <Show when={hook.consecutiveFailures > 0}>
                    <span class="meta block">{w.failures(hook.consecutiveFailures)}</span>
                  </Show>
                </td>
                <td>
                  <Show when={hook.lastDeliveryAt}>
                    {(at) => (
                      <>
                        <DateTime iso={at()} /> <span class="meta">{hook.lastStatus || w.noAnswer}</span>
                      </>
                    )}
                  </Show>
                </td>
                <td class="actions">
                  <button type="button" disabled={act.pending()} onClick={() => void act.run(hook.id, 'test')}>
                    {w.test}
                  </button>
                  <button
                    type="button"
                    disabled={act.pending()}
                    onClick={() => void act.run(hook.id, hook.status === 'active' ? 'pause' : 'resume')}
                  >
                    {hook.status === 'active' ? w.pause : w.resume}
                  </button>
                  <button
                    type="button"
                    aria-expanded={open() === hook.id}
                    onClick={() => setOpen(open() === hook.id ? undefined : hook.id)}
                  >
                    {open() === hook.id ? w.hideLog : w.log}
                  </button>
                  <button
                    type="button"
                    class="danger"
                    aria-label={w.removeLabel(hook.url)}
                    disabled={act.pending()}
                    onClick={() => void act.run(hook.id, 'delete')}
                  >
                    {w.remove}
                  </button>
                </td>
              </tr>
              <Show when={open() === hook.id}>
                <tr>
                  <td colSpan={5}>
                    <DeliveryLog code={props.code} id={hook.id} />
                  </td>
                </tr>
              </Show>
            </>
          )}
        </Table>
      </Loaded>
      <Show when={secret()}>{(s) => <Secret label={w.secret} value={s()} hint={w.secretHint} />}</Show>
      <NewForm title={w.new} of={create} create={w.create} busy={w.creating}>
        <TextBox id="webhook-url" label={w.url} hint={w.urlHint} required value={url()} onInput={setUrl} />
        <CheckList
          legend={w.events}
          options={WEBHOOK_EVENTS}
          chosen={events()}
          id={(event) => `webhook-event-${event}`}
          label={(event) => w.eventWords[event]}
          onChange={setEvents}
        />
      </NewForm>
    </section>
  );
}

/** A department's integrations, for its head: API tokens and webhooks. */
export default function Integrations() {
  const params = useParams<{ code: string }>();
  return (
    <DepartmentPage
      code={params.code}
      class="integrations"
      title={t.integrations.title(params.code)}
      intro={t.integrations.intro}
    >
      <HeadOnly code={params.code} refusal={t.integrations.headOnly}>
        <Tokens code={params.code} />
        <Webhooks code={params.code} />
      </HeadOnly>
    </DepartmentPage>
  );
}
