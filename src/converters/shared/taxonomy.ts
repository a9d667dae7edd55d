import type { TaxonomyTags } from '../../core/taxonomy.js';

/** Encodings and framings: direct prompt injection and jailbreak, hiding the request from safety training. */
export const JAILBREAK_TAXONOMY: TaxonomyTags = { atlas: ['AML.T0051.000', 'AML.T0054'], owasp: ['LLM01:2025'] };

/** Character-level obfuscation: evading input filters and classifiers while staying readable to the model. */
export const EVASION_TAXONOMY: TaxonomyTags = { atlas: ['AML.T0051.000', 'AML.T0015'], owasp: ['LLM01:2025'] };

/** Invisible-character smuggling: instructions a human reviewer cannot see, often planted in retrieved content. */
export const SMUGGLING_TAXONOMY: TaxonomyTags = { atlas: ['AML.T0051.000', 'AML.T0051.001', 'AML.T0015'], owasp: ['LLM01:2025'] };
