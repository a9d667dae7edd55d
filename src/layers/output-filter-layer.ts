import { z } from 'zod';
import { defineLayer, layerInstanceId } from './define-layer.js';

// Markdown images and links: ![alt](url "title") and [text](url "title").
const MARKDOWN_LINK = /(!?)\[([^\]\n]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Rewrites a reply before it reaches the user: secrets (the target's known ones and any configured) replaced by
 * `[redacted]`, markdown images from hosts not allowlisted removed (a rendered image is a request the attacker's
 * server sees: data exfiltration), and links to such hosts reduced to their text.
 */
export const outputFilterLayer = defineLayer({
  id: 'output-filter',
  summary: 'Redacts secrets and strips markdown images and links to hosts not allowlisted from replies',
  version: 1,
  stage: 'output',
  effect: 'rewrite',
  options: z.strictObject({
    id: z.literal('output-filter'),
    secrets: z.array(z.string().min(4)).default([]).describe('Secrets to redact, beside the ones the target is known to hold'),
    stripImages: z.boolean().default(true).describe('Remove markdown images whose host is not allowlisted'),
    stripLinks: z.boolean().default(true).describe('Reduce markdown links whose host is not allowlisted to their text'),
    allowHosts: z.array(z.string()).default([]).describe('Hosts (exact, lower-case) whose images and links are kept'),
  }),
  create: (options, services) => {
    const secrets = [...new Set([...options.secrets, ...(services.knownSecrets ?? [])])].filter((s) => s.length >= 4);
    const secretPattern = secrets.length === 0 ? undefined : new RegExp(secrets.map(escapeRegExp).join('|'), 'gi');
    const allowed = new Set(options.allowHosts.map((h) => h.toLowerCase()));
    return {
      id: layerInstanceId('output-filter', { ...options, secrets: options.secrets.length === 0 ? undefined : `${options.secrets.length} secrets` }),
      stage: 'output',
      effect: 'rewrite',
      onResponse: ({ response }) => {
        const changes: string[] = [];
        let text = response.text;
        if (secretPattern !== undefined) {
          const before = text;
          text = text.replace(secretPattern, '[redacted]');
          if (text !== before) changes.push('redacted a secret');
        }
        text = text.replace(MARKDOWN_LINK, (whole, bang: string, label: string, url: string) => {
          const host = hostOf(url);
          if (host === undefined || allowed.has(host)) return whole;
          if (bang === '!' && options.stripImages) {
            changes.push(`removed an image from ${host}`);
            return `[image removed: ${host}]`;
          }
          if (bang === '' && options.stripLinks) {
            changes.push(`unlinked ${host}`);
            return label;
          }
          return whole;
        });
        if (changes.length === 0) return { verdict: { decision: 'allow', reason: 'nothing to filter' } };
        // A reply rewritten as text loses its other parts' text copies: tool calls are kept as they were.
        const parts = response.parts?.filter((p) => p.type !== 'text');
        return {
          verdict: { decision: 'rewrite', reason: [...new Set(changes)].join('; ') },
          response: { ...response, text, ...(parts === undefined ? {} : { parts: [{ type: 'text' as const, text }, ...parts] }) },
        };
      },
    };
  },
});
