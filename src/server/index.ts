export * from './access-policy.js';
export * from './dashboard-app.js';
export * from './start-dashboard.js';
