/** What the process drawings share: the arrowhead their arrows end in. */

/** The arrowhead, defined once per drawing under `id` (`marker-end="url(#id)"`). */
export function ArrowHead(props: { id: string }) {
  return (
    <defs>
      <marker
        id={props.id}
        viewBox="0 0 10 10"
        refX="6"
        refY="5"
        markerWidth="10"
        markerHeight="10"
        markerUnits="userSpaceOnUse"
        orient="auto-start-reverse"
      >
        <path d="M 0 0 L 10 5 L 0 10 z" class="pm-arrowhead" />
      </marker>
    </defs>
  );
}
