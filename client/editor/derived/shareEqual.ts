// Structural sharing for derived values (outline, footnote list): the next value with every part
// that equals the previous one replaced by that previous part.
//
// Why: React re-renders on identity. Recomputing the outline yields new objects everywhere even
// when only one title changed; sharing the equal parts lets the whole list bail out (no commit at
// all when nothing changed) and lets memoised items skip re-rendering.

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** `next`, with each array element or object property that deep-equals its counterpart in `prev` taken from `prev`. */
export function shareEqual<T>(prev: T, next: T): T {
  if (Object.is(prev, next)) return prev;
  if (Array.isArray(prev) && Array.isArray(next)) {
    let same = prev.length === next.length;
    const out = next.map((value, i) => {
      const shared = i < prev.length ? shareEqual(prev[i], value) : value;
      if (shared !== prev[i]) same = false;
      return shared;
    });
    return (same ? prev : out) as T;
  }
  if (isPlainObject(prev) && isPlainObject(next)) {
    const keys = Object.keys(next);
    let same = keys.length === Object.keys(prev).length;
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const shared = key in prev ? shareEqual(prev[key], next[key]) : next[key];
      if (shared !== prev[key] || !(key in prev)) same = false;
      out[key] = shared;
    }
    return (same ? prev : out) as T;
  }
  return next;
}
