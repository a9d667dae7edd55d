import type { FailureScope } from '../http-failure.js';
import type { TransportFetch } from '../http-transport.js';
import { readReplyText, replyLimitBytes } from '../read-reply.js';

/** The request the AWS SDK hands its HTTP handler (Smithy's HttpRequest), as far as sending it needs. */
type SmithyRequest = {
  readonly protocol: string;
  readonly hostname: string;
  readonly port?: number;
  readonly path: string;
  readonly query?: Record<string, string | readonly string[] | null>;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body?: unknown;
};

/** What the AWS SDK expects back (Smithy's HttpResponse shape): status, lower-case headers and the whole body. */
type SmithyResponse = { readonly statusCode: number; readonly reason?: string; readonly headers: Record<string, string>; readonly body: Uint8Array };

/** An HTTP handler in the AWS SDK's sense (`requestHandler`): takes a signed request, returns its reply. */
export type SmithyHandler = {
  handle(request: SmithyRequest, options?: { abortSignal?: AbortSignal }): Promise<{ response: SmithyResponse }>;
  updateHttpClientConfig(key: never, value: never): void;
  httpHandlerConfigs(): Record<string, never>;
};

/**
 * Sends the AWS SDK's signed requests through a target's pooled transport (HTTP/1.1; the SDK's default handler
 * speaks HTTP/2), so a Bedrock target shares the other targets' connection cap, never follows a redirect, and reads at
 * most the reply limit.
 */
export function transportHandler(fetch: TransportFetch, scope: FailureScope): SmithyHandler {
  return {
    handle: async (request, options) => {
      const url = new URL(`${request.protocol}//${request.hostname}${request.port === undefined ? '' : `:${request.port}`}${request.path}`);
      for (const [name, value] of Object.entries(request.query ?? {})) {
        for (const one of value === null ? [''] : typeof value === 'string' ? [value] : value) url.searchParams.append(name, one);
      }
      // The transport sets Host from the URL (the same value the request was signed with).
      const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => name.toLowerCase() !== 'host'));
      const reply = await fetch(url, {
        method: request.method, headers, body: bodyOf(request.body),
        ...(options?.abortSignal === undefined ? {} : { signal: options.abortSignal }),
      });
      // Error replies are short and read as they come; an answer past the reply limit is refused.
      const text = reply.ok ? await readReplyText(reply, { scope, limitBytes: replyLimitBytes }) : await reply.text().catch(() => '');
      const replyHeaders: Record<string, string> = {};
      reply.headers.forEach((value, name) => {
        replyHeaders[name] = value;
      });
      return { response: { statusCode: reply.status, reason: reply.statusText, headers: replyHeaders, body: new TextEncoder().encode(text) } };
    },
    updateHttpClientConfig: () => undefined,
    httpHandlerConfigs: () => ({}),
  };
}

function bodyOf(body: unknown): string | Uint8Array | undefined {
  if (body === undefined || body === null || typeof body === 'string' || body instanceof Uint8Array) return body ?? undefined;
  // Converse sends JSON text; a stream would mean another operation, which this target never calls.
  throw new TypeError(`unsupported request body type: ${Object.prototype.toString.call(body)}`);
}
