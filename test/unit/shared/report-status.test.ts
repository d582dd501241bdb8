import { describe, expect, it } from 'vitest';
import { isReadOnlyReport, REPORT_STATUSES, reportStatus } from '../../../shared/report-status';

const sections = (...statuses: ('draft' | 'submitted' | 'approved' | 'returned')[]) =>
  Object.fromEntries(statuses.map((status, i) => [`s${i}`, { status }]));

describe('reportStatus', () => {
  it('is draft while no section has left draft, in-progress once one has', () => {
    expect(reportStatus({ sections: {} })).toBe('draft');
    expect(reportStatus({ sections: sections('draft', 'draft') })).toBe('draft');
    for (const moved of ['submitted', 'approved', 'returned'] as const) {
      expect(reportStatus({ sections: sections('draft', moved) })).toBe('in-progress');
    }
  });

  it('puts archived over locked, and locked over the section states', () => {
    expect(reportStatus({ locked: true, sections: sections('submitted') })).toBe('locked');
    expect(reportStatus({ locked: true, archived: true, sections: sections('submitted') })).toBe('archived');
    expect(reportStatus({ archived: true, sections: {} })).toBe('archived');
    expect(reportStatus({ locked: false, archived: false, sections: {} })).toBe('draft');
  });

  it('only ever answers one of REPORT_STATUSES', () => {
    const seen = new Set<string>();
    for (const locked of [false, true]) {
      for (const archived of [false, true]) {
        for (const s of [sections(), sections('approved')]) {
          seen.add(reportStatus({ locked, archived, sections: s }));
        }
      }
    }
    expect([...seen].sort()).toEqual([...REPORT_STATUSES].sort());
  });
});

describe('isReadOnlyReport', () => {
  it('is true for a locked or an archived report, false for an open one', () => {
    expect(isReadOnlyReport({ locked: true })).toBe(true);
    expect(isReadOnlyReport({ archived: true })).toBe(true);
    expect(isReadOnlyReport({ locked: true, archived: true })).toBe(true);
    expect(isReadOnlyReport({ locked: false, archived: false })).toBe(false);
    expect(isReadOnlyReport({})).toBe(false);
  });

  it('is false when no report is given (callers decide what a missing report means)', () => {
    expect(isReadOnlyReport(undefined)).toBe(false);
    expect(isReadOnlyReport(null)).toBe(false);
  });
});
