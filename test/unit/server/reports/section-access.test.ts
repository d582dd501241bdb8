// Section owners for history access (server/reports/section-access.ts) when ids are ambiguous.
import { describe, expect, it } from 'vitest';
import { sectionOwners } from '../../../../server/reports/section-access';
import { buildOutline } from '../../../../shared/derive';
import { yDocToJson } from '../../../../shared/ydoc';
import { reportDoc } from '../../../helpers/guard-fixtures';

describe('sectionOwners', () => {
  it('maps each id to its effective owner, newest outline first', () => {
    const now = buildOutline(yDocToJson(reportDoc([{ id: 'A', owner: 'ttbc' }])));
    const before = buildOutline(
      yDocToJson(
        reportDoc([
          { id: 'A', owner: 'bcvt' },
          { id: 'Z', owner: 'bcvt' },
        ]),
      ),
    );
    expect(sectionOwners(now, before)).toEqual(
      new Map([
        ['A', 'ttbc'],
        ['Z', 'bcvt'],
      ]),
    );
  });

  it('gives an id shared by sections of two departments to neither', () => {
    const outline = buildOutline(
      yDocToJson(
        reportDoc([
          { id: 'A', owner: 'ttbc' },
          { id: 'B', owner: 'bcvt', children: [{ id: 'A' }] },
        ]),
      ),
    );
    const owners = sectionOwners(outline);
    expect(owners.get('A')).toBeNull();
    expect(owners.get('B')).toBe('bcvt');
  });
});
