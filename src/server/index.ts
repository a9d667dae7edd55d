export * from './access-policy.js';
export * from './dashboard-app.js';
export * from './start-dashboard.js';
export * from './bind-servers.js';
export * from './proxy-access.js';
export * from './guard-proxy-app.js';
export * from './start-guard-proxy.js';
