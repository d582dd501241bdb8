// Account rules (shared/accounts.ts) shared by the admin pages and the users route.
import { describe, expect, it } from 'vitest';
import { lacksRequiredDepartment, ROLES } from '../../../shared/accounts';

describe('lacksRequiredDepartment', () => {
  it('refuses an editor without a department and nobody else', () => {
    expect(lacksRequiredDepartment('editor', null)).toBe(true);
    expect(lacksRequiredDepartment('editor', undefined)).toBe(true);
    expect(lacksRequiredDepartment('editor', '')).toBe(true);
    expect(lacksRequiredDepartment('editor', 'baochi')).toBe(false);
    expect(lacksRequiredDepartment('secretary', null)).toBe(false);
    expect(lacksRequiredDepartment('viewer', null)).toBe(false);
    expect(ROLES).toEqual(['secretary', 'editor', 'viewer']);
  });
});
