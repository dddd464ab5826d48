/** Small shared pieces of the UI. */
import { A } from '@solidjs/router';
import { createEffect, type JSX, Show } from 'solid-js';
import type { OrderSummary } from '#shared/api.ts';
import { statusWords } from '#shared/lifecycle.ts';
import type { OrderStatus, Priority, ServiceStatus } from '#shared/model.ts';
import { ApiError, errorMessage } from './api.ts';
import { formatDateTime } from './format.ts';
import { t } from './strings.ts';
// The shell's stylesheets, tokens and frame first: Vite emits them in this order, ahead of every page's own.
import '../styles.css';
import './controls.css';
import './ui.css';

export function usePageTitle(title: () => string | undefined): void {
  createEffect(() => {
    const value = title();
    document.title = value ? `${value} · ${t.appName}` : t.appName;
  });
}

export function Loading(props: { text?: string }) {
  return (
    <p class="loading" aria-live="polite">
      {props.text ?? t.common.loading}
    </p>
  );
}

/** The one way a failure is shown: an alert with its words and what may follow them (a retry…). */
export function Alert(props: { text: string | undefined; id?: string; children?: JSX.Element }) {
  return (
    <div class="notice error" role="alert" id={props.id}>
      <p>{props.text}</p>
      {props.children}
    </div>
  );
}

/** Where a page that is not there, or not for the reader, leads back to. */
export function WaysBack() {
  return (
    <ul class="ways-back" aria-label={t.waysBack.label}>
      <li>
        <A href="/">{t.waysBack.catalog}</A>
      </li>
      <li>
        <A href="/orders">{t.waysBack.myOrders}</A>
      </li>
    </ul>
  );
}

/** A thing that is not there or not for the reader: trying again would not help, going back does. */
const deadEnd = (error: unknown) => error instanceof ApiError && (error.status === 404 || error.status === 403);

export function ErrorNote(props: { error: unknown; onRetry?: () => void }) {
  return (
    <Alert text={errorMessage(props.error)}>
      <Show when={deadEnd(props.error)}>
        <WaysBack />
      </Show>
      <Show when={!deadEnd(props.error) && props.onRetry}>
        {(retry) => (
          <button type="button" class="secondary" onClick={() => retry()()}>
            {t.common.retry}
          </button>
        )}
      </Show>
    </Alert>
  );
}

export function StatusBadge(props: { status: OrderStatus; testId?: string }) {
  return (
    <span class={`badge status-${props.status}`} data-testid={props.testId}>
      {statusWords(props.status, t.status)}
    </span>
  );
}

/** The cells that name an order in the order lists: its number (a link to it), title, service and status. */
export function OrderCells(props: { order: Pick<OrderSummary, 'number' | 'title' | 'serviceName' | 'status'> }) {
  return (
    <>
      <th scope="row" class="m-number">
        <A href={`/orders/${encodeURIComponent(props.order.number)}`}>{props.order.number}</A>
      </th>
      <td class="m-title">{props.order.title}</td>
      <td class="m-service">{props.order.serviceName}</td>
      <td class="m-status">
        <StatusBadge status={props.order.status} />
      </td>
    </>
  );
}

export function ServiceStatusBadge(props: { status: ServiceStatus }) {
  return <span class={`badge service-${props.status}`}>{t.serviceStatus[props.status]}</span>;
}

export function PriorityBadge(props: { priority: Priority }) {
  return <span class={`priority priority-${props.priority}`}>{t.priority[props.priority]}</span>;
}

export function DateTime(props: { iso: string }) {
  return <time datetime={props.iso}>{formatDateTime(props.iso)}</time>;
}

/** A table cell holding a moment. */
export function DateCell(props: { iso: string }) {
  return (
    <td>
      <DateTime iso={props.iso} />
    </td>
  );
}

/** Keeps text that was written with line breaks readable. */
export function Prose(props: { text: string | undefined }): JSX.Element {
  return <p class="prose">{props.text || t.common.none}</p>;
}
