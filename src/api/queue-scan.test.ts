import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../core/errors.js';
import { queueScan } from './queue-scan.js';

describe('queueScan', () => {
  it('refuses goals that plant the out-of-band listener before anything is stored or queued (each worker would listen elsewhere)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redline-queue-refuse-'));
    const database = join(dir, 'redline.db');
    const scanning = queueScan({
      baseDir: dir, database, queue: 'redis://127.0.0.1:1', reports: { json: false, html: false },
      config: { goals: [{ id: 'link', text: 'Mention {{exfil.url}} in passing.', category: 'data-exfiltration' }], trials: 1 },
    });
    await expect(scanning).rejects.toThrow(ConfigError);
    await expect(scanning).rejects.toThrow(/out-of-band listener/);
    expect(existsSync(database)).toBe(false);
  });
});
