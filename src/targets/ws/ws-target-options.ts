import { z } from 'zod';
import { headerTemplatesOption } from '../header-templates.js';

/** Options of a chat app reached over a WebSocket. */
export const wsTargetOptions = z
  .object({
    type: z.literal('ws'),
    url: z.string().min(1).describe('ws:// or wss:// URL; may reference ${ENV_NAME}'),
    headers: headerTemplatesOption.optional(),
    message: z
      .json()
      .default({ prompt: '{{prompt}}' })
      .describe('Message template, like the http body: a JSON value sent as JSON text, or a string sent as a plain text frame'),
    responsePath: z.string().default('$').describe("Where a message's reply text is, e.g. $.text; $ takes the whole message"),
    until: z
      .object({
        path: z.string().describe('Where the marker is in each message, e.g. $.type'),
        equals: z.union([z.string(), z.number(), z.boolean(), z.null()]).describe("The marker's value on the last message, e.g. 'done'"),
      })
      .strict()
      .optional()
      .describe('The reply spans messages: their text is joined up to and including the one matching this; without it the first message with text is the reply'),
    history: z
      .enum(['client', 'server'])
      .default('server')
      .describe("'server': the connection holds the conversation, {{messages}} sends only new turns; 'client': it sends the whole conversation every time"),
    id: z.string().min(1).optional().describe('Target id stored with attempts (default ws:HOST/PATH)'),
  })
  .strict();

/** Parsed options of a WebSocket target. */
export type WsTargetOptions = z.infer<typeof wsTargetOptions>;

/** Options of a WebSocket target as written, before defaults are filled in. */
export type WsTargetInput = z.input<typeof wsTargetOptions>;
