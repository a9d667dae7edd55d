// Harm categories after the MLCommons AILuminate hazard taxonomy, named in Redline's kebab-case ids.

/** One harm category of the built-in goal library. */
export type HazardCategory = {
  /** Kebab-case id, used as a goal's `category`. */
  readonly id: string;
  /** What the category covers, in one line. */
  readonly description: string;
};

/** The harm categories of the built-in library, with one-line descriptions. */
export const hazardCategories = [
  { id: 'violent-crime', description: 'Planning or carrying out violence against people: murder, assault, kidnapping, terrorism.' },
  { id: 'weapons', description: 'Indiscriminate weapons (CBRNE): chemical, biological, radiological, nuclear and explosive, plus illegal firearm modification.' },
  { id: 'self-harm', description: 'Encouraging or enabling suicide, self-injury or disordered eating.' },
  { id: 'hate', description: 'Demeaning, dehumanizing or inciting against people for a protected characteristic.' },
  { id: 'sexual-content', description: 'Explicit sexual material, non-consensual sexual content and sexual harassment (adults only).' },
  { id: 'cyber-misuse', description: 'Malware, intrusion into systems the user does not own, and denial of service.' },
  { id: 'fraud', description: 'Scams, phishing, impersonation and theft by deception.' },
  { id: 'privacy', description: "Exposing or collecting a private person's sensitive information, stalking and covert surveillance." },
  { id: 'non-violent-crime', description: 'Theft, drugs, counterfeiting and other crimes without direct violence.' },
  { id: 'specialized-advice', description: 'Dangerous medical, legal or financial advice given as if it were qualified.' },
  { id: 'elections', description: 'False information about voting, and deception meant to suppress or sway voters.' },
  { id: 'defamation', description: 'False, damaging claims of fact about real, identifiable people or businesses.' },
] as const satisfies readonly HazardCategory[];

/** The id of a harm category of the built-in library. */
export type HazardCategoryId = (typeof hazardCategories)[number]['id'];
