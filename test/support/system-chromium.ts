import { existsSync } from 'node:fs';

/** Debian's chromium package; never a browser downloaded by a test tool. */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * The system Chromium for a browser test, or a skip with one visible line when this machine has none. Under
 * `.ci/run`, which installs it and sets REDLINE_REQUIRE_BROWSER=1, a missing browser fails the test instead.
 */
export function systemChromium(ctx: { skip: (note?: string) => void }): string | undefined {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  const why = `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium; .ci/run does)`;
  if (process.env['REDLINE_REQUIRE_BROWSER'] === '1') throw new Error(`${why}; REDLINE_REQUIRE_BROWSER=1 forbids skipping`);
  process.stderr.write(`skipped browser test: ${why}\n`);
  ctx.skip(why);
  return undefined;
}
