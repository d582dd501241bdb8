// guardUpdate, the throwing form the room uses: a refusal is a Refused with 4403. The rules
// themselves are tested through checkUpdate in test/unit/guard/.
import { describe, expect, it } from 'vitest';
import { checkUpdate, guardUpdate } from '../../../../server/collab/guard';
import { decodeIncomingUpdate } from '../../../../server/collab/incoming-update';
import { Refused } from '../../../../server/collab/refused';
import { CloseCode } from '../../../../shared/protocol';
import { ctx, localUpdate, paragraphText, replica, reportDoc, users } from '../../guard/fixtures';

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('guardUpdate', () => {
  it('returns what an accepted update touched', () => {
    const server = reportDoc();
    const { decoded } = decodeIncomingUpdate(
      localUpdate(replica(server, 100), (d) => paragraphText(d, 'A', 1).insert(0, 'xy')),
    );
    expect(guardUpdate(server, decoded, ctx(users.ttbc))).toEqual({
      sectionIds: ['A'],
      inserted: 2,
      deleted: 0,
      clientIds: [100],
    });
  });

  it('throws Refused (4403) with the reason checkUpdate gives', () => {
    const server = reportDoc();
    const bytes = localUpdate(replica(server, 100), (d) => paragraphText(d, 'B').insert(0, 'x'));
    const error = thrownBy(() => guardUpdate(server, decodeIncomingUpdate(bytes).decoded, ctx(users.ttbc)));
    expect(error).toBeInstanceOf(Refused);
    expect((error as Refused).code).toBe(CloseCode.Forbidden);
    expect((error as Refused).message).toMatch(/edit in section B/);
    expect(checkUpdate(server, bytes, ctx(users.ttbc))).toEqual({
      ok: false,
      reason: (error as Refused).message,
    });
  });

  it('names the lock in the reason when the report is read-only', () => {
    const server = reportDoc();
    const bytes = localUpdate(replica(server, 100), (d) => paragraphText(d, 'A', 1).insert(0, 'x'));
    const error = thrownBy(() =>
      guardUpdate(server, decodeIncomingUpdate(bytes).decoded, ctx(users.ttbc, { locked: true })),
    );
    expect(error).toBeInstanceOf(Refused);
    expect((error as Refused).code).toBe(CloseCode.Forbidden);
    expect((error as Refused).message).toMatch(/^report is locked: /);
  });
});
