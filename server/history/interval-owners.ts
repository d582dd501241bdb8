// Disjoint, sorted half-open integer intervals, each with an owner; the first owner of a point wins.
// Used per Yjs client by the deleted-by index: clocks → the user who deleted them.

export class IntervalOwners<T> {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly owners: T[] = [];

  get size(): number {
    return this.starts.length;
  }

  /** Give [start, end) to `owner` where no earlier owner holds it. */
  add(start: number, end: number, owner: T): void {
    let i = this.firstEndingAfter(start);
    let cursor = start;
    while (cursor < end) {
      if (i < this.starts.length && this.starts[i] <= cursor) {
        cursor = Math.max(cursor, this.ends[i]);
        i++;
        continue;
      }
      const gapEnd = i < this.starts.length ? Math.min(end, this.starts[i]) : end;
      if (i > 0 && this.ends[i - 1] === cursor && this.owners[i - 1] === owner) {
        this.ends[i - 1] = gapEnd;
      } else {
        this.starts.splice(i, 0, cursor);
        this.ends.splice(i, 0, gapEnd);
        this.owners.splice(i, 0, owner);
        i++;
      }
      cursor = gapEnd;
    }
  }

  /** Every interval, in order: [start, end, owner]. */
  *entries(): IterableIterator<[number, number, T]> {
    for (let i = 0; i < this.starts.length; i++) yield [this.starts[i], this.ends[i], this.owners[i]];
  }

  /** The owner of `point`, or null. */
  ownerAt(point: number): T | null {
    // Last interval starting at or before `point`.
    let lo = 0;
    let hi = this.starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid] <= point) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found >= 0 && point < this.ends[found] ? this.owners[found] : null;
  }

  /** Index of the first interval whose end is after `point`. */
  private firstEndingAfter(point: number): number {
    let lo = 0;
    let hi = this.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ends[mid] <= point) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
