export * from './escape-html.js';
export * from './example-attempt.js';
export * from './html-report.js';
export * from './json-report.js';
export * from './sanitize-terminal.js';
export * from './terminal-table.js';
