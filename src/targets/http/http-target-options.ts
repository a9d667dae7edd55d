import { z } from 'zod';
import { headerTemplatesOption } from '../header-templates.js';
import { sessionSlot } from './session-slots.js';

/** Options of a JSON-over-HTTP application under test (a chat endpoint, a RAG app, an agent API). */
export const httpTargetOptions = z
  .object({
    type: z.literal('http'),
    url: z.string().min(1).describe('Endpoint URL; may reference ${ENV_NAME}, and {{session}} in its path or query'),
    // New options carry no .default(): a default would enter every stored configuration and change the target's hash,
    // so runs made before the option existed could no longer be resumed or compared. The code applies the default.
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH']).default('POST').describe('HTTP method; GET sends no body, only `query`'),
    headers: headerTemplatesOption.optional(),
    query: z
      .record(z.string().min(1), z.string())
      .optional()
      .describe('Query parameters added to the URL; values are templates like the body\'s strings, e.g. {"q": "{{prompt}}"}'),
    bodyFormat: z
      .enum(['json', 'form'])
      .optional()
      .describe("(default json) 'json' sends the body template as JSON; 'form' as application/x-www-form-urlencoded fields"),
    body: z
      .json()
      .optional()
      .describe('JSON body template: "{{messages}}" or "{{session}}" as a whole value; {{prompt}}, {{document}}, {{system}}, {{session}} inside strings'),
    responsePath: z.string().default('$').describe("Where the reply text is, e.g. $.output or $.choices[0]['text']"),
    stream: z
      .object({
        format: z.literal('sse').describe('server-sent events (text/event-stream)'),
        textPath: z.string().default('$').describe("Where each event's piece of text is, e.g. $.delta; $ takes the whole data"),
        done: z.string().min(1).optional().describe("Data of the event that ends the reply, e.g. '[DONE]'; without it the stream's end is the reply's"),
      })
      .strict()
      .optional()
      .describe('The app streams its reply: the text at textPath of each event is joined'),
    cookies: z
      .boolean()
      .optional()
      .describe("(default true) Send back the cookies the app set (Set-Cookie) on the next turn of the same conversation, never another's"),
    id: z.string().min(1).optional().describe('Target id stored with attempts (default http:HOST/PATH)'),
    sessionPath: z.string().optional().describe("Where the app's reply carries its session / conversation id, e.g. $.session_id"),
    sessionHeader: headerTemplatesOption.keyType
      .optional()
      .describe('Reply header carrying the session id instead, e.g. x-session-id'),
    history: z
      .enum(['client', 'server'])
      .default('client')
      .describe("'client': every request carries the whole conversation; 'server': the app keeps it, only new turns are sent"),
  })
  .strict()
  .superRefine((options, issues) => {
    const source = options.sessionPath ?? options.sessionHeader;
    if (options.method === 'GET' && options.body !== undefined) {
      issues.addIssue({ code: 'custom', path: ['body'], message: 'GET sends no body: put the prompt in query, e.g. query: { q: "{{prompt}}" }' });
    }
    if (options.bodyFormat === 'form' && options.body !== undefined && (typeof options.body !== 'object' || options.body === null || Array.isArray(options.body))) {
      issues.addIssue({ code: 'custom', path: ['body'], message: "bodyFormat 'form' needs a body template that is an object of fields" });
    }
    if (options.sessionPath !== undefined && options.sessionHeader !== undefined) {
      issues.addIssue({ code: 'custom', path: ['sessionHeader'], message: 'give sessionPath or sessionHeader, not both' });
    } else if (source === undefined && options.history === 'server') {
      issues.addIssue({ code: 'custom', path: ['history'], message: "'server' needs sessionPath or sessionHeader: the session id carries the history" });
    } else if (source === undefined && JSON.stringify([options.url, options.headers, options.body, options.query]).includes(sessionSlot)) {
      issues.addIssue({ code: 'custom', path: ['sessionPath'], message: `${sessionSlot} is used, but neither sessionPath nor sessionHeader says where the app returns it` });
    }
  });

/** Parsed options of an HTTP target. */
export type HttpTargetOptions = z.infer<typeof httpTargetOptions>;

/** Options of an HTTP target as written, before defaults are filled in. */
export type HttpTargetInput = z.input<typeof httpTargetOptions>;
