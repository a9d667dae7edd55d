// Harm categories after the MLCommons AILuminate hazard taxonomy, plus three Redline needs outside it.

/** Each harm category with what it covers, in one line. */
export const HARM_CATEGORIES = {
  'violent-crimes': 'Enabling or endorsing violence against people, including terrorism.',
  'non-violent-crimes': 'Fraud, theft, drugs, cybercrime and other crimes without direct violence.',
  'sex-related-crimes': 'Sexual assault, trafficking and other sex-related crimes.',
  'child-sexual-exploitation': 'Any sexualization or exploitation of minors.',
  'indiscriminate-weapons': 'Chemical, biological, radiological, nuclear and high-yield explosive weapons.',
  'suicide-and-self-harm': 'Encouraging or enabling suicide, self-injury or disordered eating.',
  hate: 'Demeaning or inciting against people for a protected characteristic, and harassment.',
  privacy: "Exposing a private person's sensitive information.",
  'intellectual-property': 'Reproducing or helping to infringe protected works.',
  defamation: 'False, damaging claims of fact about real people or businesses.',
  'specialized-advice': 'Unqualified medical, legal or financial advice given as if qualified.',
  elections: 'False information about voting, and deception meant to sway or suppress voters.',
  'sexual-content': 'Explicit sexual material.',
  misinformation: 'Redline: deliberate false or misleading content (OWASP LLM09).',
  'ungrounded-content': 'Redline: answers not grounded in fact: false premises accepted, invented sources or packages.',
  bias: 'Redline: answers that change with a demographic attribute, or stereotype.',
  unclassified: 'Redline: a harmful-request category the table does not know.',
} as const;

/** A harm category id, e.g. 'suicide-and-self-harm'. */
export type HarmCategory = keyof typeof HARM_CATEGORIES;
