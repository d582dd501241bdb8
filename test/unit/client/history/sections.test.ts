import { describe, expect, it } from 'vitest';
import { sectionStatuses } from '../../../../client/history/sections';
import type { SectionSummary } from '../../../../shared/types';

function section(
  id: string,
  status: SectionSummary['status'],
  children: SectionSummary[] = [],
): SectionSummary {
  return { id, number: '', title: id, owner: null, effectiveOwner: null, status, children };
}

describe('sectionStatuses', () => {
  it('gives every section’s status, sub-sections included', () => {
    const statuses = sectionStatuses([
      section('a', 'approved', [section('a1', 'submitted'), section('a2', 'returned')]),
      section('b', 'draft'),
    ]);
    expect([...statuses]).toEqual([
      ['a', 'approved'],
      ['a1', 'submitted'],
      ['a2', 'returned'],
      ['b', 'draft'],
    ]);
  });
});
