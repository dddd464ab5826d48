import { Show } from 'solid-js';

/** Words of success in a live region, so that a screen reader says them when they appear. */
export function LiveNotice(props: { text: string | undefined }) {
  return (
    <div aria-live="polite">
      <Show when={props.text}>
        <p class="notice success">{props.text}</p>
      </Show>
    </div>
  );
}
