export * from './evaluate-gates.js';
export * from './gate.js';
export * from './gate-lines.js';
export * from './report-policy.js';
