import { httpStatusError, type FailureScope, type HeaderLookup } from './http-failure.js';
import type { TransportFetch } from './http-transport.js';
import { asRecord } from './json-record.js';
import { parseJsonReply, readReplyExcerpt, readReplyText, replyLimitBytes } from './read-reply.js';

/**
 * Wraps a transport's fetch for an SDK that reads replies itself and keeps too little of a failure: a non-2xx reply
 * becomes the shared TargetError (status, Retry-After, a redacted excerpt of the body) before the SDK sees it, and
 * a 2xx body is read within the reply limit and must be JSON ('bad-response' otherwise).
 */
export function checkedFetch(fetch: TransportFetch, scope: FailureScope): TransportFetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (!response.ok) {
      const body = await readReplyExcerpt(response);
      throw httpStatusError(scope, { status: response.status, headers: withRetryDelay(response.headers, body), body, nowMs: Date.now() });
    }
    const text = await readReplyText(response, { scope, limitBytes: replyLimitBytes });
    parseJsonReply(text, scope);
    return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

/**
 * Google APIs say how long to wait in the body (`error.details[]` of type RetryInfo, `retryDelay: "7s"`) rather than
 * in a Retry-After header: read it as one when the header is absent.
 */
function withRetryDelay(headers: Headers, body: string): HeaderLookup {
  if (headers.get('retry-after') !== null) return headers;
  let details: unknown;
  try {
    details = asRecord(asRecord(JSON.parse(body))?.['error'])?.['details'];
  } catch {
    return headers;
  }
  const info = (Array.isArray(details) ? details : []).map(asRecord).find((d) => String(d?.['@type'] ?? '').endsWith('google.rpc.RetryInfo'));
  const delay = /^(\d+(?:\.\d+)?)s$/.exec(String(info?.['retryDelay'] ?? ''))?.[1];
  if (delay === undefined) return headers;
  return { get: (name) => (name.toLowerCase() === 'retry-after' ? delay : headers.get(name)) };
}
