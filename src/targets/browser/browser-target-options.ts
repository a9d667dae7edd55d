import { z } from 'zod';
import { headerTemplatesOption } from '../header-templates.js';

/** Debian's and most distributions' Chromium; Redline never downloads a browser. */
export const defaultChromium = '/usr/bin/chromium';

/** Options of a chat web page driven in a real browser (playwright-core over the system Chromium). */
export const browserTargetOptions = z
  .object({
    type: z.literal('browser'),
    url: z.string().min(1).describe('The chat page; may reference ${ENV_NAME}'),
    selectors: z
      .object({
        input: z.string().min(1).describe('Where the prompt is typed, e.g. textarea#prompt'),
        send: z.string().min(1).optional().describe('What to click to send, e.g. button[type=submit]; without it Enter is pressed in the input'),
        reply: z.string().min(1).describe('Every reply bubble, e.g. .message.assistant; the last one is the reply'),
        done: z
          .string()
          .min(1)
          .optional()
          .describe('An element that appears once per finished reply (e.g. a copy button); without it the reply is done once its text stops changing for settleMs'),
      })
      .strict(),
    settleMs: z.number().int().positive().default(1000).describe("How long a reply's text must stay unchanged to count as finished"),
    executablePath: z.string().min(1).default(defaultChromium).describe('The Chromium to drive'),
    headers: headerTemplatesOption.optional(),
    id: z.string().min(1).optional().describe('Target id stored with attempts (default browser:HOST/PATH)'),
  })
  .strict();

/** Parsed options of a browser target. */
export type BrowserTargetOptions = z.infer<typeof browserTargetOptions>;

/** Options of a browser target as written, before defaults are filled in. */
export type BrowserTargetInput = z.input<typeof browserTargetOptions>;
