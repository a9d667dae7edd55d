import { badResponseError, transportError, type FailureScope } from './http-failure.js';

/** Largest reply body a target reads: 10 MiB. */
export const replyLimitBytes = 10 * 1024 * 1024;

const excerptBytes = 4096;

/** Reads a reply body as UTF-8 text, streaming; 'bad-response' past `limitBytes`, 'network' if it breaks off. */
export async function readReplyText(
  response: Response,
  read: { scope: FailureScope; limitBytes: number },
): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  const { text, complete } = await (declared > read.limitBytes
    ? dropBody(response)
    : readUpTo(response, read.limitBytes)
  ).catch((error: unknown) => {
    throw transportError(read.scope, error);
  });
  if (!complete) throw badResponseError(read.scope, `reply larger than ${describeBytes(read.limitBytes)}`);
  return text;
}

/** Reads the start of an error reply, to quote in a message, and drops the rest of it. */
export async function readReplyExcerpt(response: Response): Promise<string> {
  try {
    return (await readUpTo(response, excerptBytes)).text;
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

async function readUpTo(response: Response, limitBytes: number): Promise<{ text: string; complete: boolean }> {
  if (!response.body) return { text: '', complete: true };
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { text: text + decoder.decode(), complete: true };
    total += value.byteLength;
    if (total > limitBytes) {
      // Cancelling closes the connection, so the rest of the body is never downloaded.
      await reader.cancel().catch(() => undefined);
      return { text: text + decoder.decode(value.subarray(0, value.byteLength - (total - limitBytes))), complete: false };
    }
    text += decoder.decode(value, { stream: true });
  }
}

async function dropBody(response: Response): Promise<{ text: string; complete: boolean }> {
  await response.body?.cancel().catch(() => undefined);
  return { text: '', complete: false };
}

function describeBytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return Number.isInteger(mib) ? `${mib} MiB` : `${bytes} bytes`;
}
