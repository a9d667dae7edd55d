// Preloaded into a measured CLI process (`node --import …/cli-usage.js`): when the process exits, it writes its own
// resource usage (user and system CPU, peak RSS, from getrusage) to the file named by REDLINE_BENCH_USAGE_FILE.
// Node reports no usage of a finished child, and GNU time is not on every machine; this works wherever Node does.
import { writeFileSync } from 'node:fs';

const file = process.env['REDLINE_BENCH_USAGE_FILE'];
if (file !== undefined) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ userCPUTime: usage.userCPUTime, systemCPUTime: usage.systemCPUTime, maxRSS: usage.maxRSS }));
  });
}
