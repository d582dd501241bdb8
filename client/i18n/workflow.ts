// UI strings for section assignment, submit/approve workflow, dashboard, lock and export.
export const workflowVi = {} as const;

export const workflowEn: Record<keyof typeof workflowVi, string> = {};
