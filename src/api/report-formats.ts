// The pipeline formats a stored run renders to, the policy that rates it, and the one way files are written.
export { writeTextFile } from '../calibration/write-text-file.js';
export { renderCsv } from '../report/csv-report.js';
export type { GatedRun } from '../report/gates/gate.js';
export { reportPolicy } from '../report/gates/report-policy.js';
export { renderDefenseHtml, renderHtml, type HtmlReportInput } from '../report/html-report.js';
export { costText, differenceText } from '../report/dashboard/ablation-section.js';
export { REPORT_CSS } from '../report/html-styles.js';
export type { SafeHtml } from '../report/html-template.js';
export { renderRunPage, type RunPageInput } from '../report/run-page.js';
export { renderJson } from '../report/json-report.js';
export { renderJunit } from '../report/junit-report.js';
export { renderMarkdown } from '../report/markdown-report.js';
export { renderSarif } from '../report/sarif-report.js';
