import { openSqliteStore } from '../store/sqlite/sqlite-run-store.js';
import { describeCopyConformance } from './copy-runs-conformance.js';

describeCopyConformance('SQLite → SQLite', async () => openSqliteStore(':memory:'), async () => openSqliteStore(':memory:'));
