import { createRegistry } from '../core/registry.js';
import { bankingEnvironment } from './banking-environment.js';
import { supportDeskEnvironment } from './support-desk-environment.js';
import { workspaceEnvironment } from './workspace-environment.js';

/** Every simulated environment Redline ships; the only place the id list is written. */
export const environmentRegistry = createRegistry('environment', [workspaceEnvironment, bankingEnvironment, supportDeskEnvironment]);
