/**
 * A department's incoming mail, for its head: each message with its sender, subject and when it came,
 * what Ordo did with it (in the reader's words, from its outcome code) and the order it made or
 * commented on. Read from `GET /departments/:code/inbound`, a page at a time.
 */
import { A, useParams } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import type { InboundMailView, MailIntakeView } from '#shared/inbound-routes.ts';
import { sayRefusal } from '../i18n/refusals.ts';
import { api } from '../lib/api.ts';
import { Table } from '../lib/blocks.tsx';
import { DepartmentPage, HeadOnly } from '../lib/department-page.tsx';
import { ActionError, createPager, Loaded, LoadMore } from '../lib/load.tsx';
import { t } from '../lib/strings.ts';
import { createSubmit } from '../lib/submit.tsx';
import { DateCell } from '../lib/ui.tsx';

/** What Ordo did with a message, in the reader's words (a refusal by the order says which). */
export function outcomeWords(mail: Pick<InboundMailView, 'outcome' | 'detail'>): string {
  const w = t.inbound;
  if (!mail.outcome) return w.pending;
  const said = w.outcomes[mail.outcome] ?? mail.outcome;
  return mail.outcome === 'refused_by_order' && mail.detail ? `${said}: ${sayRefusal(mail.detail)}` : said;
}

/** Saves one message as it arrived: the API hands out a short-lived link to it (a .eml file). */
function RawMailButton(props: { code: string; message: InboundMailView }) {
  const w = t.inbound;
  const open = createSubmit(async () => {
    const { url } = await api.rawMail(props.code, props.message.id);
    window.location.assign(url);
  });
  return (
    <>
      <button
        type="button"
        class="small secondary"
        aria-busy={open.pending()}
        aria-label={w.downloadOf(props.message.subject || w.noSubject)}
        onClick={() => void open.run()}
      >
        {open.pending() ? w.downloading : w.download}
      </button>
      <ActionError of={open} />
    </>
  );
}

function MailList(props: { code: string }) {
  const w = t.inbound;
  // The department's own address comes with the first page, and whether raw messages can be saved.
  const [intake, setIntake] = createSignal<MailIntakeView | null>();
  const [raw, setRaw] = createSignal(false);
  const mail = createPager(
    () => props.code,
    async (code: string, cursor?: string) => {
      const page = await api.inbound(code, cursor);
      if (!cursor) {
        setIntake(page.intake ?? null);
        setRaw(page.raw === true);
      }
      return page;
    },
  );
  return (
    <>
      <Show when={intake() !== undefined}>
        <p data-testid="inbound-address">
          {intake() ? w.address(intake()!.address ?? intake()!.localPart) : w.noAddress}
        </p>
      </Show>
      <Loaded of={mail} empty={<p class="empty">{w.empty}</p>}>
        <Table
          caption={w.caption}
          head={[w.received, w.from, w.subject, w.outcome, w.order, ...(raw() ? [w.message] : [])]}
          testId="inbound-mail"
          each={mail.items()}
        >
          {(message) => (
            <tr>
              <DateCell iso={message.receivedAt} />
              <td>{message.from ?? w.unknown}</td>
              <td>
                {message.subject || w.noSubject}
                <Show when={message.attachments?.length}>
                  {(n) => <span class="meta block">{w.attachments(n())}</span>}
                </Show>
              </td>
              <td>
                {outcomeWords(message)}
                <Show when={message.answered}>
                  <span class="meta block">{w.answered}</span>
                </Show>
              </td>
              <td>
                <Show when={message.orderNumber} fallback={t.common.none}>
                  {(number) => <A href={`/orders/${encodeURIComponent(number())}`}>{number()}</A>}
                </Show>
              </td>
              <Show when={raw()}>
                <td>
                  <RawMailButton code={props.code} message={message} />
                </td>
              </Show>
            </tr>
          )}
        </Table>
      </Loaded>
      <LoadMore of={mail} />
    </>
  );
}

/** A department's incoming mail, for its head. */
export default function Inbound() {
  const params = useParams<{ code: string }>();
  return (
    <DepartmentPage code={params.code} class="inbound" title={t.inbound.title(params.code)} intro={t.inbound.intro}>
      <HeadOnly code={params.code} refusal={t.inbound.headOnly}>
        <MailList code={params.code} />
      </HeadOnly>
    </DepartmentPage>
  );
}
