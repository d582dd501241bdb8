// Icons drawn as SVG rather than emoji: an emoji needs a colour-emoji font, which many office
// machines (and Debian's Chromium) lack, and then shows as an empty box.

/** One filled 24×24 path, drawn in the text's colour, hidden from screen readers. */
function Icon({ path, size }: { path: string; size: number }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" width={size} height={size} className="icon">
      <path fill="currentColor" d={path} />
    </svg>
  );
}

export function SearchIcon() {
  return (
    <Icon
      size={16}
      path="M10 3a7 7 0 0 1 5.6 11.2l5.1 5.1-1.4 1.4-5.1-5.1A7 7 0 1 1 10 3zm0 2a5 5 0 1 0 0 10 5 5 0 0 0 0-10z"
    />
  );
}

export function LockIcon() {
  return (
    <Icon
      size={14}
      path="M12 2a5 5 0 0 1 5 5v3h1a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2v-8a2 2 0 0 1 2-2h1V7a5 5 0 0 1 5-5zm0 2a3 3 0 0 0-3 3v3h6V7a3 3 0 0 0-3-3z"
    />
  );
}

/** A speech bubble: comments (Góp ý). */
export function CommentIcon() {
  return (
    <Icon
      size={16}
      path="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm0 2v11h2v2l2.5-2H20V5H4zm3 3h10v2H7V8zm0 4h7v2H7v-2z"
    />
  );
}
