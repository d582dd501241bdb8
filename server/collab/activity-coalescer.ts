// Coalesces keystroke-sized edits into one activity entry per user, kind and set of sections over
// about a minute, so the activity log grows with the work done, not with the keystrokes. Typing in
// suggesting mode is coalesced the same way, as `suggest` entries apart from direct edits.
import type { ActivityEntry } from '../store/activity-log';

/** The kinds of entry that stand for typing. */
export type TypingKind = 'edit' | 'suggest';

interface OpenEntry {
  entry: ActivityEntry;
  startedAt: number;
}

export class ActivityCoalescer {
  private readonly open = new Map<string, OpenEntry>();
  private readonly timer: NodeJS.Timeout;
  private lastKey: { userId: string; kind: TypingKind; sections: string; key: string } | null = null;

  constructor(
    private readonly write: (entry: ActivityEntry) => void,
    private readonly windowMs = 60_000,
  ) {
    this.timer = setInterval(() => this.flushExpired(), Math.max(1000, windowMs / 4));
    this.timer.unref();
  }

  addEdit(
    userId: string,
    sectionIds: readonly string[],
    inserted: number,
    deleted: number,
    now = Date.now(),
    kind: TypingKind = 'edit',
  ): void {
    // A keystroke touches one section: no set, sort or copy for it (this runs on every update).
    const sorted = sectionIds.length === 1 ? (sectionIds as string[]) : [...new Set(sectionIds)].sort();
    const key = this.keyOf(userId, kind, sorted);
    const current = this.open.get(key);
    if (current && now - current.startedAt < this.windowMs) {
      current.entry.inserted = (current.entry.inserted ?? 0) + inserted;
      current.entry.deleted = (current.entry.deleted ?? 0) + deleted;
      // How many edits the entry stands for ("12 lần sửa"); absent while it is one.
      current.entry.count = (current.entry.count ?? 1) + 1;
      return;
    }
    if (current) this.write(current.entry);
    this.open.set(key, {
      startedAt: now,
      entry: { at: new Date(now).toISOString(), userId, kind, sectionIds: [...sorted], inserted, deleted },
    });
  }

  /**
   * One open entry per user, kind and set of sections: several tabs of one account typing in
   * different sections do not split each other's entries. A run of keystrokes by one user in one
   * section reuses the last key instead of building the same string again.
   */
  private keyOf(userId: string, kind: TypingKind, sorted: readonly string[]): string {
    const sections = sorted.length === 1 ? sorted[0] : sorted.join(',');
    const last = this.lastKey;
    if (last && last.userId === userId && last.kind === kind && last.sections === sections) return last.key;
    const key = `${userId}\n${kind}\n${sections}`;
    this.lastKey = { userId, kind, sections, key };
    return key;
  }

  /** Copies of the entries still being coalesced (not yet written), so readers can see them now. */
  pending(): ActivityEntry[] {
    return [...this.open.values()].map(({ entry }) => ({ ...entry, sectionIds: [...entry.sectionIds] }));
  }

  flushAll(): void {
    for (const { entry } of this.open.values()) this.write(entry);
    this.open.clear();
  }

  stop(): void {
    clearInterval(this.timer);
    this.flushAll();
  }

  private flushExpired(now = Date.now()): void {
    for (const [key, current] of this.open) {
      if (now - current.startedAt >= this.windowMs) {
        this.write(current.entry);
        this.open.delete(key);
      }
    }
  }
}
