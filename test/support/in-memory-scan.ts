import { scan, type ScanResult } from '../../src/api/scan.js';
import type { RunStore } from '../../src/core/run-store.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-run-store.js';

/** Scans a configuration into a fresh in-memory store with no report files, reads what the test needs, and closes the store. */
export async function withScannedStore<T>(config: unknown, read: (store: RunStore, result: ScanResult) => Promise<T>): Promise<T> {
  const store = openSqliteStore(':memory:');
  try {
    const result = await scan({ store, reports: { json: false, html: false }, config: config as never });
    return await read(store, result);
  } finally {
    await store.close();
  }
}
