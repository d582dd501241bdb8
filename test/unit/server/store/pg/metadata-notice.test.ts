// The metadata change notice: the rows a write changed, applied by other processes, rebuild the
// metadata exactly — lists in the same order — whatever was added, changed, moved or removed.
import { describe, expect, it } from 'vitest';
import { emptyMeta, type MetaData } from '../../../../../server/store/meta-store';
import {
  applyRowChanges,
  diffMeta,
  encodeNotice,
  parseNotice,
} from '../../../../../server/store/pg/metadata-notice';
import { seededRandom } from '../../../../helpers/report-docs';

function token(hash: string, userId = 'u') {
  return { hash, userId, expiresAt: '2030-01-01T00:00:00Z' };
}

describe('metadata notice', () => {
  it('rebuilds any change of the lists from the changed rows only', () => {
    const random = seededRandom(20);
    for (let round = 0; round < 300; round++) {
      const before: MetaData = emptyMeta();
      before.tokens = Array.from({ length: Math.floor(random() * 8) }, (_, i) => token(`h${i}`));
      const after = structuredClone(before);
      for (let step = 0; step < 4; step++) {
        const choice = random();
        const at = Math.floor(random() * (after.tokens.length + 1));
        if (choice < 0.3) after.tokens.splice(at, 0, token(`n${round}-${step}`));
        else if (choice < 0.55) after.tokens.splice(at, 1);
        else if (choice < 0.8 && after.tokens[at]) after.tokens[at] = token(after.tokens[at].hash, 'changed');
        else after.tokens.reverse();
      }
      const changes = diffMeta(before, after);
      expect(applyRowChanges(before, changes)).toEqual(after);
      // The data it was applied to is left as it was.
      expect(before.tokens.map((t) => t.hash)).toEqual(
        Array.from({ length: before.tokens.length }, (_, i) => `h${i}`),
      );
    }
  });

  it('names no row when nothing changed, and drops the rows from a notice too large for NOTIFY', () => {
    const data = emptyMeta();
    data.tokens = [token('a')];
    expect(diffMeta(data, structuredClone(data))).toEqual([]);
    const many = Array.from({ length: 200 }, (_, i) => ({
      list: 'tokens' as const,
      id: `t${i}`,
      ord: i,
      row: token(`t${i}`),
    }));
    expect(parseNotice(encodeNotice(7, many))).toEqual({ revision: 7 });
    expect(parseNotice(encodeNotice(8, many.slice(0, 2)))).toEqual({
      revision: 8,
      changes: many.slice(0, 2),
    });
    expect(parseNotice('not json')).toBeNull();
  });
});
