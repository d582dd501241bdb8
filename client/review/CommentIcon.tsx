// A speech bubble drawn as SVG (see client/components/icons.tsx: emoji need a colour-emoji font).
export function CommentIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16" className="icon">
      <path
        fill="currentColor"
        d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm0 2v11h2v2l2.5-2H20V5H4zm3 3h10v2H7V8zm0 4h7v2H7v-2z"
      />
    </svg>
  );
}
