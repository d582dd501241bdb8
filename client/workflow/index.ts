// The workflow area's public surface for the shared pages.
export { ExportMenu } from './ExportMenu';
export { LockBanner } from './LockBanner';
export { onReportRefresh, REPORT_POLL_MS, requestReportRefresh } from './reportRefresh';
export { useSectionWorkflow } from './SectionWorkflow';
export { WorkflowBar } from './WorkflowBar';
