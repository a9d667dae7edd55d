/** Framework ids a registrable thing or a finding maps to. */
export type TaxonomyTags = {
  /** MITRE ATLAS technique ids, e.g. `AML.T0054`. */
  readonly atlas: readonly string[];
  /** OWASP Top 10 for LLM Applications (2025) ids, e.g. `LLM01:2025`. */
  readonly owasp: readonly string[];
};
