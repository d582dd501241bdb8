// The caps on open sockets per user and per report: counted from admission until release.
import { describe, expect, it } from 'vitest';
import { SocketCounter } from '../../../../server/collab/socket-limits';
import { CloseCode } from '../../../../shared/protocol';

describe('SocketCounter', () => {
  it('refuses the socket over a user’s cap with 4429 and admits again after a release', () => {
    const counter = new SocketCounter({ perUser: 2, perReport: 10 });
    const first = counter.admit('u1', 'r1');
    const second = counter.admit('u1', 'r2');
    expect(first.ok && second.ok).toBe(true);
    expect(counter.admit('u1', 'r3')).toMatchObject({ ok: false, code: CloseCode.TooMany });
    expect(counter.admit('u2', 'r1').ok).toBe(true);
    if (first.ok) {
      first.release();
      first.release(); // twice counts once
    }
    expect(counter.admit('u1', 'r3').ok).toBe(true);
    expect(counter.admit('u1', 'r3').ok).toBe(false);
  });

  it('refuses the socket over a report’s cap, whoever opens it', () => {
    const counter = new SocketCounter({ perUser: 10, perReport: 2 });
    expect(counter.admit('u1', 'r1').ok).toBe(true);
    expect(counter.admit('u2', 'r1').ok).toBe(true);
    const refused = counter.admit('u3', 'r1');
    expect(refused).toMatchObject({ ok: false, code: CloseCode.TooMany });
    // A refused socket is not counted: u3 can still open its cap's worth elsewhere.
    expect(counter.admit('u3', 'r2').ok).toBe(true);
  });
});
