// Preloaded into a measured CLI process (`node --import …/cli-usage.js`): when the process exits, it writes its own
// resource usage (user and system CPU, peak RSS, from getrusage) to the file named by REDLINE_BENCH_USAGE_FILE.
// Node reports no usage of a finished child, and GNU time is not on every machine; this works wherever Node does.
// On Linux it also reads the main thread's own CPU (/proc/self/task/PID/stat), the rest being V8's compiler and GC
// threads and libuv's pool; elsewhere that figure is absent.
import { readFileSync, writeFileSync } from 'node:fs';

/** CPU µs of the process's main thread (utime + stime of /proc/self/task/PID/stat), or undefined off Linux. */
function mainThreadCpuMicros(): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // Fields after the command name's closing parenthesis; utime and stime are the 14th and 15th of the line.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticksPerSecond = 100; // USER_HZ, 100 on every Linux Node supports
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / ticksPerSecond;
  } catch {
    return undefined;
  }
}

const file = process.env['REDLINE_BENCH_USAGE_FILE'];
if (file !== undefined) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ userCPUTime: usage.userCPUTime, systemCPUTime: usage.systemCPUTime, maxRSS: usage.maxRSS, mainThreadCPUTime: mainThreadCpuMicros() }));
  });
}
