// How often one sender's refusals are written down. A refused update closes its socket, so a
// client that is refused on every connection (a reconnect loop, see client/pages/report/
// refusalBackoff.ts for the client's side) opens socket after socket: counting per socket would
// limit nothing. The limit is per key — the room uses the user's id, the socket route the user
// and close code — which covers all of one user's sockets: at most one entry per window, the
// refusals in between folded into the next entry as a count.
export interface RefusalVerdict {
  /** Write this refusal down (log line, activity entry); false: only count it. */
  record: boolean;
  /** When recorded: how many refusals the entry stands for (this one and those folded since the last). */
  count: number;
}

/** Keys held at most; beyond, the quietest are forgotten (a forgotten key is recorded again at once). */
const MAX_KEYS = 1_000;

export class RefusalLimiter {
  /** Per key: when it was last recorded and how many refusals were folded since. */
  private readonly keys = new Map<string, { recordedAt: number; folded: number }>();

  constructor(private readonly windowMs = 60_000) {}

  judge(key: string, now: number): RefusalVerdict {
    const seen = this.keys.get(key);
    if (seen && now - seen.recordedAt < this.windowMs) {
      seen.folded++;
      return { record: false, count: 0 };
    }
    const count = (seen?.folded ?? 0) + 1;
    this.keys.delete(key);
    this.keys.set(key, { recordedAt: now, folded: 0 });
    this.prune(now);
    return { record: true, count };
  }

  private prune(now: number): void {
    if (this.keys.size <= MAX_KEYS) return;
    for (const [key, seen] of this.keys) {
      if (now - seen.recordedAt >= this.windowMs && seen.folded === 0) this.keys.delete(key);
    }
    // Still full: drop the oldest recorded (Map order is insertion order, refreshed on record).
    for (const key of this.keys.keys()) {
      if (this.keys.size <= MAX_KEYS) break;
      this.keys.delete(key);
    }
  }
}
