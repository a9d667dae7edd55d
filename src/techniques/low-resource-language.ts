// Source: Yong, Menghini & Bach, "Low-Resource Languages Jailbreak GPT-4" (2023), arXiv:2310.02446.
import { defineTechnique } from '../core/technique.js';
import { userTurn } from './user-turn.js';

/** Sends the goal translated into a low-resource language; the reply is translated back before scoring. */
export const lowResourceLanguage = defineTechnique({
  id: 'low-resource-language',
  summary: 'Asks in a low-resource language (Zulu by default) through the configured translator; scores the reply translated back.',
  source: 'Yong, Menghini & Bach (2023), arXiv:2310.02446',
  taxonomy: { atlas: ['AML.T0054'], owasp: ['LLM01:2025'] },
  personas: ['malicious'],
  version: 1,
  defaults: { language: 'Zulu' },
  create: (options) => ({
    id: 'low-resource-language',
    translateTo: String(options['language'] ?? 'Zulu'),
    build: (goal) => userTurn(goal.text),
  }),
});
