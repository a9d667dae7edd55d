import { z } from 'zod';
import { headerTemplatesOption } from '../header-templates.js';
import { sessionSlot } from './session-slots.js';

/** Options of a JSON-over-HTTP application under test (a chat endpoint, a RAG app, an agent API). */
export const httpTargetOptions = z
  .object({
    type: z.literal('http'),
    url: z.string().min(1).describe('Endpoint URL; may reference ${ENV_NAME}, and {{session}} in its path or query'),
    method: z.enum(['POST', 'PUT', 'PATCH']).default('POST').describe('HTTP method'),
    headers: headerTemplatesOption.optional(),
    body: z
      .json()
      .optional()
      .describe('JSON body template: "{{messages}}" or "{{session}}" as a whole value; {{prompt}}, {{document}}, {{system}}, {{session}} inside strings'),
    responsePath: z.string().default('$').describe("Where the reply text is, e.g. $.output or $.choices[0]['text']"),
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
    if (options.sessionPath !== undefined && options.sessionHeader !== undefined) {
      issues.addIssue({ code: 'custom', path: ['sessionHeader'], message: 'give sessionPath or sessionHeader, not both' });
    } else if (source === undefined && options.history === 'server') {
      issues.addIssue({ code: 'custom', path: ['history'], message: "'server' needs sessionPath or sessionHeader: the session id carries the history" });
    } else if (source === undefined && JSON.stringify([options.url, options.headers, options.body]).includes(sessionSlot)) {
      issues.addIssue({ code: 'custom', path: ['sessionPath'], message: `${sessionSlot} is used, but neither sessionPath nor sessionHeader says where the app returns it` });
    }
  });

/** Parsed options of an HTTP target. */
export type HttpTargetOptions = z.infer<typeof httpTargetOptions>;

/** Options of an HTTP target as written, before defaults are filled in. */
export type HttpTargetInput = z.input<typeof httpTargetOptions>;
