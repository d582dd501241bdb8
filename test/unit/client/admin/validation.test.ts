// Pure parts of the admin client: form checks, login refusal messages, suggestions, routes, queries.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportListQuery } from '../../../../client/admin/adminApi';
import { loginFailureMessage } from '../../../../client/admin/loginFailure';
import { nextPeriodSuggestion, textSuggestion } from '../../../../client/admin/newReportDefaults';
import { matchAdminRoute } from '../../../../client/admin/paths';
import { isValidUsername, passwordFormErrors, retryMinutes } from '../../../../client/admin/validation';
import { ApiError } from '../../../../client/api';
import { translator } from '../../../../client/i18n';
import { matchRoute } from '../../../../client/router';

const t = translator('vi');

describe('password change form', () => {
  it('accepts a complete, matching, new password', () => {
    expect(passwordFormErrors({ current: 'demo', next: 'mat-khau-moi', confirm: 'mat-khau-moi' })).toEqual(
      {},
    );
  });
  it('names each problem on its own field', () => {
    expect(passwordFormErrors({ current: '', next: 'short', confirm: '' })).toEqual({
      current: 'admin.account.currentRequired',
      next: 'admin.account.tooShort',
    });
    expect(
      passwordFormErrors({ current: 'same-password', next: 'same-password', confirm: 'same-password' }),
    ).toEqual({
      next: 'admin.account.sameAsCurrent',
    });
    expect(passwordFormErrors({ current: 'demo', next: 'long-enough', confirm: 'long-enougH' })).toEqual({
      confirm: 'admin.account.mismatch',
    });
    expect(
      passwordFormErrors({ current: 'demo', next: 'x'.repeat(257), confirm: 'x'.repeat(257) }).next,
    ).toBe('admin.account.tooLong');
  });
});

describe('usernames', () => {
  it('follows the server rule', () => {
    expect(isValidUsername('nguyen.van_a-1')).toBe(true);
    expect(isValidUsername('a')).toBe(false);
    expect(isValidUsername('nguyễn')).toBe(false);
    expect(isValidUsername('has space')).toBe(false);
  });
});

describe('login refusals', () => {
  it('gives the wait of a 429 in whole minutes, rounded up', () => {
    expect(retryMinutes({ error: 'x', retryAfter: 900 })).toBe(15);
    expect(retryMinutes({ retryAfter: 61 })).toBe(2);
    expect(retryMinutes({ retryAfter: 5 })).toBe(1);
    expect(retryMinutes({ error: 'x' })).toBeNull();
    expect(retryMinutes('text')).toBeNull();
  });
  it('says what happened in Vietnamese', () => {
    expect(loginFailureMessage(t, new ApiError(401, 'wrong'))).toBe('Sai tên đăng nhập hoặc mật khẩu.');
    expect(loginFailureMessage(t, new ApiError(429, 'too many', { retryAfter: 840 }))).toBe(
      'Quá nhiều lần nhập sai mật khẩu. Vui lòng thử lại sau 14 phút.',
    );
    // Short waits (the throttle's first doublings) are told in seconds.
    expect(loginFailureMessage(t, new ApiError(429, 'too many', { retryAfter: 4 }))).toBe(
      'Quá nhiều lần nhập sai mật khẩu. Vui lòng chờ 4 giây rồi thử lại.',
    );
    expect(loginFailureMessage(t, new ApiError(429, 'too many', { retryAfter: 60 }))).toContain('1 phút');
    expect(loginFailureMessage(t, new ApiError(403, 'account deactivated'))).toContain('vô hiệu hoá');
  });
});

describe('new report suggestions', () => {
  it('moves the previous report’s title and period one year on', () => {
    expect(
      nextPeriodSuggestion({ title: 'Báo cáo 6 tháng đầu năm 2024', period: '06 tháng đầu năm 2024' }),
    ).toEqual({ title: 'Báo cáo 6 tháng đầu năm 2025', period: '06 tháng đầu năm 2025' });
    expect(nextPeriodSuggestion({ title: 'Tổng hợp', period: 'quý II năm 2024' })).toEqual({
      title: 'Báo cáo quý II năm 2025',
      period: 'quý II năm 2025',
    });
  });
  it('reads the period of an uploaded report from its header', () => {
    const sample = readFileSync(
      path.resolve(import.meta.dirname, '../../../../shared/fixtures/bao-cao-6-thang-dau-nam-2024.txt'),
      'utf8',
    );
    expect(textSuggestion(sample)).toEqual({
      title: 'Báo cáo 06 tháng đầu năm 2024',
      period: '06 tháng đầu năm 2024',
    });
    expect(textSuggestion('Không có kỳ')).toEqual({ title: '', period: '' });
  });
});

describe('routes and queries', () => {
  it('routes the admin pages, and /reports/new before /reports/:id', () => {
    expect(matchAdminRoute('/admin/departments')).toBe('departments');
    expect(matchAdminRoute('/admin/users/')).toBe('users');
    expect(matchAdminRoute('/account')).toBe('account');
    expect(matchRoute('/reports/new')).toEqual({ name: 'admin', page: 'newReport' });
    expect(matchRoute('/reports/r-abc')).toEqual({ name: 'report', id: 'r-abc' });
    expect(matchAdminRoute('/admin/other')).toBeNull();
  });
  it('turns the list filter into the server’s query', () => {
    expect(reportListQuery({ period: '', status: '', showArchived: false })).toBe('');
    expect(reportListQuery({ period: ' 2025 ', status: 'draft', showArchived: false })).toBe(
      '?period=2025&status=draft',
    );
    expect(reportListQuery({ period: '', status: '', showArchived: true })).toBe('?archived=all');
    // "archived" as a status already means only archived reports.
    expect(reportListQuery({ period: '', status: 'archived', showArchived: true })).toBe('?status=archived');
  });
});
