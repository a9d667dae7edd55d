// Source: random capitalisation augmentation of Best-of-N jailbreaking, Hughes et al. (2024), arXiv:2412.03556.
import { defineSeededConverter } from '../shared/define-seeded-converter.js';
import { EVASION_TAXONOMY } from '../shared/taxonomy.js';

/** Makes each letter upper case with probability `probability`, else lower case. */
export const randomCase = defineSeededConverter({
  id: 'random-case',
  summary: 'Capitalises letters at random (seeded by the text, so repeatable): "hElLo wORlD".',
  taxonomy: EVASION_TAXONOMY,
  version: 1,
  defaults: { probability: 0.5 },
  ranges: { probability: { min: 0, max: 1, fraction: true } },
  build:
    ({ probability }) =>
    (text, random) =>
      text.replace(/\p{L}/gu, (c) => (random() < probability ? c.toUpperCase() : c.toLowerCase())),
});
