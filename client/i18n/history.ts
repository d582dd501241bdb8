// UI strings for activity timeline, versions, compare view and colour by author.
export const historyVi = {} as const;

export const historyEn: Record<keyof typeof historyVi, string> = {};
