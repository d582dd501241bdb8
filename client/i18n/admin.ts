// UI strings for administration of departments and accounts, password change, new reports.
export const adminVi = {} as const;

export const adminEn: Record<keyof typeof adminVi, string> = {};
