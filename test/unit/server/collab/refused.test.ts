import { describe, expect, it } from 'vitest';
import { forbidden, malformed, Refused } from '../../../../server/collab/refused';
import { CloseCode } from '../../../../shared/protocol';

describe('Refused', () => {
  it('carries a named close code and the reason as its message', () => {
    const refused = new Refused(CloseCode.InternalError, 'the update could not be stored');
    expect(refused).toBeInstanceOf(Error);
    expect(refused.name).toBe('Refused');
    expect(refused.code).toBe(1011);
    expect(refused.message).toBe('the update could not be stored');
  });

  it('malformed is 4400 and forbidden is 4403', () => {
    expect(malformed('empty frame')).toMatchObject({ code: CloseCode.Malformed, message: 'empty frame' });
    expect(forbidden('edit in section B')).toMatchObject({
      code: CloseCode.Forbidden,
      message: 'edit in section B',
    });
    expect(malformed('x')).toBeInstanceOf(Refused);
    expect(forbidden('x')).toBeInstanceOf(Refused);
  });
});
