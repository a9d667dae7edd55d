import { ConfigError } from '../../core/errors.js';
import type { TargetContext } from '../context.js';
import { parseTargetUrl } from '../parse-target-options.js';

/** The placeholder that stands for the app's session id in the URL, headers and body. */
export const sessionSlot = '{{session}}';

/** A text cut at its `{{session}}` slots: 'a/{{session}}/b' is ['a/', '/b']; a text without slots is one piece. */
export type SlottedText = readonly string[];

/** A URL that may hold `{{session}}` in its path or query, checked once when the target is created. */
export type SessionUrl = {
  /** The URL cut at its slots. */
  readonly pieces: SlottedText;
  /** The URL with its slots empty, as the app sees it before it issues a session id. */
  readonly bare: URL;
};

/** Cuts `text` at its `{{session}}` slots. Splitting (not search-and-replace) means a session id is never rescanned. */
export function splitSessionSlots(text: string): SlottedText {
  return text.split(sessionSlot);
}

/** Checks a URL template; a slot before the path is refused, since an app-chosen id must never pick the host. */
export function compileSessionUrl(text: string, where: { context: TargetContext; path: string }): SessionUrl {
  const pieces = splitSessionSlots(text);
  const bare = parseTargetUrl(pieces.join(''), where);
  if (pieces.length > 1 && !/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*[/?]/i.test(pieces[0] ?? '')) {
    throw new ConfigError(`${where.path}: ${sessionSlot} may only appear in the path or query`, {
      file: where.context.configFile,
      path: where.path,
      hint: 'write e.g. https://app.example/chat/{{session}} or https://app.example/chat?session={{session}}',
    });
  }
  return { pieces, bare };
}

/** The URL for one request: the session id percent-encoded into each slot, or nothing before the app issued one. */
export function fillSessionUrl(url: SessionUrl, session: string | null): URL {
  return url.pieces.length === 1 ? url.bare : new URL(url.pieces.join(encodeURIComponent(session ?? '')));
}

/** The headers for one request; a header with a slot is left out until the app has issued a session id. */
export function fillSessionHeaders(
  headers: Readonly<Record<string, SlottedText>>,
  session: string | null,
): Record<string, string> {
  const filled: Record<string, string> = {};
  for (const [name, pieces] of Object.entries(headers)) {
    if (pieces.length > 1 && session === null) continue;
    filled[name] = pieces.join(session ?? '');
  }
  return filled;
}
