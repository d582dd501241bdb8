// Section lookup by id refuses ambiguity (server/reports/ydoc-sections.ts) rather than picking the
// first of two sections sharing an id.
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import { findOutlineNode } from '../../../../server/reports/service';
import { findSectionElement, onlySection } from '../../../../server/reports/ydoc-sections';
import { buildOutline } from '../../../../shared/derive';
import { yDocToJson } from '../../../../shared/ydoc';
import { reportDoc } from '../../../helpers/guard-fixtures';

function conflictOf(run: () => unknown): HTTPException {
  try {
    run();
  } catch (error) {
    if (error instanceof HTTPException) return error;
    throw error;
  }
  throw new Error('expected a conflict');
}

describe('section lookup by id', () => {
  it('finds the one match, or nothing', () => {
    const items = [{ id: 'a' }, { id: 'b' }];
    expect(onlySection(items, (item) => item.id, 'b')).toBe(items[1]);
    expect(onlySection(items, (item) => item.id, 'c')).toBeNull();
  });

  it('answers 409 naming the id when two sections share it', () => {
    const error = conflictOf(() => onlySection([{ id: 'a' }, { id: 'a' }], (item) => item.id, 'a'));
    expect(error.status).toBe(409);
    expect(error.message).toContain('"a"');
  });

  it('refuses an ambiguous id in the Y.Doc and in the outline', () => {
    // B's sub-section carries A's id, as an editor could create before the guard refused it.
    const doc = reportDoc([
      { id: 'A', owner: 'ttbc' },
      { id: 'B', owner: 'bcvt', children: [{ id: 'A' }] },
    ]);
    expect(conflictOf(() => findSectionElement(doc, 'A')).status).toBe(409);
    expect(findSectionElement(doc, 'B')?.getAttribute('owner')).toBe('bcvt');
    const outline = buildOutline(yDocToJson(doc));
    expect(conflictOf(() => findOutlineNode(outline, 'A')).status).toBe(409);
    expect(findOutlineNode(outline, 'B')?.id).toBe('B');
  });
});
