import { bankingSuite } from './banking-suite.js';
import type { AgentSuite } from './suite.js';
import { supportDeskSuite } from './support-desk-suite.js';
import { workspaceSuite } from './workspace-suite.js';

export * from './banking-suite.js';
export * from './suite.js';
export * from './support-desk-suite.js';
export * from './workspace-suite.js';

/** Every task suite Redline ships, by id. */
export const agentSuites: Readonly<Record<string, AgentSuite>> = { workspace: workspaceSuite, banking: bankingSuite, 'support-desk': supportDeskSuite };
