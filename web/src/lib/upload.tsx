/**
 * Attachments: a file picker that uploads through POST /attachments and a PUT to the returned URL
 * (with progress and plain-word errors), and a link that opens a stored file.
 * Imports the limits from the contract, so only lazily loaded pages use this module.
 */

import { createSignal, onCleanup, Show } from 'solid-js';
import { ATTACHMENT_LIMITS } from '#shared/model.ts';
import { ApiError, api, errorMessage, fieldErrors, type UploadRequest } from './api.ts';
import { contentTypeFor, fileNameFromKey, fileProblem, sizeWords, typeWords } from './files.ts';
import { ActionError } from './load.tsx';
import { t } from './strings.ts';
import { createSubmit } from './submit.tsx';
import './upload.css';

export class UploadError extends Error {}

export const limitsWords = (): string =>
  t.upload.limits(typeWords(ATTACHMENT_LIMITS), sizeWords(ATTACHMENT_LIMITS.maxBytes));
export const acceptTypes = (): string => ATTACHMENT_LIMITS.contentTypes.join(',');

function put(
  url: string,
  file: File,
  headers: Record<string, string>,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
) {
  return new Promise<void>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve();
      else reject(new UploadError(xhr.status === 403 ? t.upload.expired : t.upload.failed));
    };
    xhr.onerror = () => reject(new UploadError(t.upload.failed));
    xhr.onabort = () => reject(new UploadError(t.upload.failed));
    signal.addEventListener('abort', () => xhr.abort());
    xhr.send(file);
  });
}

/** Checks the file, asks for an upload ticket, sends the file and returns the key to store. */
export async function uploadFile(
  file: File,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
): Promise<string> {
  const problem = fileProblem(file, ATTACHMENT_LIMITS);
  if (problem) throw new UploadError(problem);
  const ticket = await api.requestUpload({
    fileName: file.name,
    // fileProblem above made sure the type is one of the accepted ones.
    contentType: contentTypeFor(file, ATTACHMENT_LIMITS) as UploadRequest['contentType'],
    size: file.size,
  });
  await put(ticket.uploadUrl, file, ticket.headers, onProgress, signal);
  onProgress(1);
  return ticket.key;
}

function uploadErrorWords(error: unknown): string {
  if (error instanceof UploadError) return error.message;
  if (error instanceof ApiError) {
    const first = Object.values(fieldErrors(error))[0];
    return first ?? error.message;
  }
  return errorMessage(error);
}

export interface FilePickerProps {
  id: string;
  /** The key currently stored, if any. */
  value?: string | null | undefined;
  describedBy?: string | undefined;
  invalid?: boolean;
  required?: boolean;
  disabled?: boolean;
  /** Only note the chosen file's name (the editor's preview uploads nothing). */
  dryRun?: boolean;
  onChange: (key: string | null) => void;
  onBusy?: (busy: boolean) => void;
}

/**
 * A native file input (its label is the caller's `<label for={id}>`), then the upload's progress,
 * result or error in a live region.
 */
export function FilePicker(props: FilePickerProps) {
  const [status, setStatus] = createSignal<{ kind: 'idle' | 'busy' | 'done' | 'error'; text: string }>({
    kind: 'idle',
    text: '',
  });
  const [name, setName] = createSignal<string>();
  let controller: AbortController | undefined;
  let input: HTMLInputElement | undefined;
  const statusId = `${props.id}-status`;
  const limitsId = `${props.id}-limits`;
  onCleanup(() => controller?.abort());

  async function pick(file: File | undefined) {
    controller?.abort();
    if (!file) return;
    if (props.dryRun) {
      setName(file.name);
      setStatus({ kind: 'done', text: t.upload.preview(file.name) });
      props.onChange(file.name);
      return;
    }
    const mine = new AbortController();
    controller = mine;
    props.onBusy?.(true);
    setStatus({ kind: 'busy', text: t.upload.uploading(file.name, 0) });
    try {
      const key = await uploadFile(
        file,
        (f) => setStatus({ kind: 'busy', text: t.upload.uploading(file.name, Math.round(f * 100)) }),
        mine.signal,
      );
      if (mine.signal.aborted) return;
      setName(file.name);
      setStatus({ kind: 'done', text: t.upload.uploaded(file.name, sizeWords(file.size)) });
      props.onChange(key);
    } catch (error) {
      if (mine.signal.aborted) return;
      setStatus({ kind: 'error', text: uploadErrorWords(error) });
      if (input) input.value = '';
    } finally {
      if (controller === mine) controller = undefined;
      props.onBusy?.(false);
    }
  }

  function clear() {
    controller?.abort();
    if (input) input.value = '';
    setName(undefined);
    setStatus({ kind: 'idle', text: '' });
    props.onChange(null);
    input?.focus();
  }

  const describedBy = () =>
    [limitsId, status().text ? statusId : '', props.describedBy ?? ''].filter(Boolean).join(' ');
  const shownName = () => name() ?? (props.value ? fileNameFromKey(props.value) : undefined);

  return (
    <div class="file-picker">
      <p id={limitsId} class="hint">
        {limitsWords()}
      </p>
      <input
        ref={input}
        id={props.id}
        type="file"
        accept={acceptTypes()}
        required={props.required}
        disabled={props.disabled}
        aria-invalid={props.invalid || status().kind === 'error' ? 'true' : undefined}
        aria-describedby={describedBy()}
        onChange={(e) => void pick(e.currentTarget.files?.[0])}
      />
      <p id={statusId} class={`upload-status ${status().kind}`} aria-live="polite">
        {status().text || (props.value && !name() ? t.upload.kept : '')}
      </p>
      <Show when={props.value && status().kind !== 'busy' && shownName()}>
        {(n) => (
          <button type="button" class="small secondary" onClick={clear}>
            {t.upload.removeFile(n())}
          </button>
        )}
      </Show>
    </div>
  );
}

/** Opens a stored file of an order: the API hands out a short-lived address for it. */
export function AttachmentLink(props: { number: string; fileKey: string }) {
  const open = createSubmit(async () => {
    // Opened now, while the click still counts, so the browser does not block the new tab.
    const tab = window.open('', '_blank');
    if (tab) tab.opener = null;
    try {
      const { url } = await api.attachmentUrl(props.number, props.fileKey);
      if (tab) tab.location.href = url;
      else window.location.assign(url);
    } catch (e) {
      tab?.close();
      throw e;
    }
  });

  return (
    <span class="attachment">
      <button type="button" class="link-button" aria-busy={open.pending()} onClick={() => void open.run()}>
        {open.pending() ? t.upload.opening : t.upload.download(fileNameFromKey(props.fileKey))}
        <span class="visually-hidden"> {t.upload.newTab}</span>
      </button>
      <ActionError of={open} />
    </span>
  );
}
