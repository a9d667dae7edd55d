// Source: Boucher & Anderson, "Trojan Source: Invisible Vulnerabilities" (2021), arXiv:2111.00169 (bidi controls).
import { chooseOption } from '../shared/converter-options.js';
import { defineTextConverter } from '../shared/define-text-converter.js';
import { SMUGGLING_TAXONOMY } from '../shared/taxonomy.js';

/** Opening and closing controls: RLO…PDF reverses every character, RLI…PDI lays words out right to left. */
const STYLES: Readonly<Record<string, readonly [string, string]>> = {
  override: ['\u202E', '\u202C'],
  isolate: ['\u2067', '\u2069'],
};

/** Removes bidirectional embedding, override and isolate controls. */
export function decodeBidiWrap(text: string): string {
  return text.replace(/[\u202A-\u202E\u2066-\u2069]/g, '');
}

/** Wraps the prompt in bidi controls, so it renders reversed while its logical order is unchanged. */
export const bidiWrap = defineTextConverter({
  id: 'bidi-wrap',
  summary: 'Wraps the prompt in bidi controls (RLO…PDF, or style=isolate for RLI…PDI) so it renders reversed.',
  taxonomy: SMUGGLING_TAXONOMY,
  version: 1,
  defaults: { style: 'override' },
  decode: () => decodeBidiWrap,
  build: ({ style }) => {
    const [open, close] = chooseOption({ id: 'bidi-wrap', key: 'style', value: style, table: STYLES });
    return (text) => `${open}${text}${close}`;
  },
});
