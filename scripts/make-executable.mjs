// Sets the execute bits on the built CLI after `tsc` (which writes files without them), so `npm link` and a
// checkout's dist/cli/main.js run directly. Windows has no execute bit: chmod there only touches the read-only flag.
import { chmodSync, statSync } from 'node:fs';

const file = new URL('../dist/cli/main.js', import.meta.url);
// Execute for whoever may read it (0o644 → 0o755), nothing more.
const mode = statSync(file).mode & 0o777;
chmodSync(file, mode | ((mode & 0o444) >> 2));
