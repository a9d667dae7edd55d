import type { AgentSuite } from './suite.js';
import { workspaceSuite } from './workspace-suite.js';

export * from './suite.js';
export * from './workspace-suite.js';

/** Every task suite Redline ships, by id. */
export const agentSuites: Readonly<Record<string, AgentSuite>> = { workspace: workspaceSuite };
