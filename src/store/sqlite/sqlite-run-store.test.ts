import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeRunStoreConformance } from '../run-store-conformance.js';
import { openSqliteStore } from './sqlite-run-store.js';

describeRunStoreConformance('SQLite in memory', async () => openSqliteStore(':memory:'));
describeRunStoreConformance('SQLite file', async () => openSqliteStore(join(mkdtempSync(join(tmpdir(), 'redline-conformance-')), 'redline.db')));
