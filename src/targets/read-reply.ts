import { badResponseError, transportError, type FailureScope } from './http-failure.js';

/** Largest reply body a target reads: 10 MiB. */
export const replyLimitBytes = 10 * 1024 * 1024;

const excerptBytes = 4096;
// One decoder for every reply: decode() keeps no state between calls without { stream: true }.
const utf8 = new TextDecoder();

/**
 * Reads a reply body as UTF-8 text; 'bad-response' past `limitBytes`, 'network' if it breaks off. The body comes
 * from the target's transport (`http-transport.ts`), which already stopped reading at `limitBytes` + 1 bytes, or
 * read nothing of a body announced larger.
 */
export async function readReplyText(
  response: Response,
  read: { scope: FailureScope; limitBytes: number },
): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  const bytes = await bodyBytes(response).catch((error: unknown) => {
    throw transportError(read.scope, error);
  });
  return cappedText(bytes, { declared, ...read });
}

/** A raw reply's body as UTF-8 text (the lean path's readReplyText); 'bad-response' past `limitBytes`. */
export function rawReplyText(reply: { readonly body: Uint8Array; readonly declaredLength: number }, read: { scope: FailureScope; limitBytes: number }): string {
  return cappedText(reply.body, { declared: reply.declaredLength, ...read });
}

function cappedText(bytes: Uint8Array, read: { declared: number; scope: FailureScope; limitBytes: number }): string {
  if (read.declared > read.limitBytes || bytes.byteLength > read.limitBytes) {
    throw badResponseError(read.scope, `reply larger than ${describeBytes(read.limitBytes)}`);
  }
  return utf8.decode(bytes);
}

/** Reads the start of an error reply, to quote in a message. */
export async function readReplyExcerpt(response: Response): Promise<string> {
  try {
    return new TextDecoder().decode((await bodyBytes(response)).subarray(0, excerptBytes));
  } catch {
    // The status already says what went wrong; a body that breaks off adds nothing.
    return '';
  }
}

/** Parses a reply body as JSON, or raises 'bad-response' quoting its first bytes. */
export function parseJsonReply(text: string, scope: FailureScope): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const start = text.trim() === '' ? 'empty body' : `first bytes: ${text.slice(0, 80)}`;
    throw badResponseError(scope, `reply is not JSON (${start})`);
  }
}

async function bodyBytes(response: Response): Promise<Uint8Array> {
  return new Uint8Array(await response.arrayBuffer());
}

function describeBytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return Number.isInteger(mib) ? `${mib} MiB` : `${bytes} bytes`;
}
