// The one error a frame the server will not take travels as, from where that is detected (the
// frame decoder in message-receiver.ts, the update decoder in incoming-update.ts, the guard, the
// room) to the one place that turns it into a closed socket (socket-route.ts). Its code is one
// of the named close codes of shared/protocol.ts, so nothing else decides which code a refusal gets.
import { CloseCode } from '../../shared/protocol';

export class Refused extends Error {
  constructor(
    /** The close code the socket is closed with. */
    readonly code: CloseCode,
    /** Why: logged, and sent as the close reason. */
    reason: string,
  ) {
    super(reason);
    this.name = 'Refused';
  }
}

/** A frame or update that cannot be read (4400). */
export function malformed(reason: string): Refused {
  return new Refused(CloseCode.Malformed, reason);
}

/** An update the sender may not make (4403). */
export function forbidden(reason: string): Refused {
  return new Refused(CloseCode.Forbidden, reason);
}
