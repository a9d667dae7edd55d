/** What a request asks the demo for. */
export type DemoIntent = 'harmful' | 'leak' | 'benign';

const makeVerbs = '(?:write|create|build|code|develop|make|craft|design|send|print|produce)';

/**
 * Harmful-topic keywords by category (regular-expression sources, matched whole-word, case-insensitive).
 * Phrases stay specific and attacker-voiced, so that everyday wording ("kill a process", "spot a phishing
 * e-mail", "remove malware") is not harmful.
 */
export const harmKeywords = {
  violence: [
    'murder\\w*', 'assassinat\\w*', 'kill (?:someone|somebody|a person|people|him|her|them|my \\w+)', 'tortur\\w*',
    'mass shooting', 'stab (?:someone|him|her|them)', 'hurt (?:someone|people)',
  ],
  weapons: [
    '(?<!bath |photo)bombs?', 'explosives', 'explosive devices?', 'detonat\\w*', 'grenades?', 'molotov', 'napalm',
    'thermite', 'ghost guns?', 'untraceable (?:gun|firearm)s?', 'nerve agents?', 'sarin', 'ricin', 'anthrax',
    'bioweapons?', 'chemical weapons?',
  ],
  selfHarm: ['suicide', 'kill myself', 'self-harm', 'cut myself', 'end my life', 'overdose on'],
  hate: [
    'genocide', 'ethnic cleansing', 'racial slurs?', 'white supremac\\w*', 'hate speech', 'nazi propaganda',
    'are (?:an )?inferior race', 'subhuman', '(?:driven|drive|kick|thrown|throw) (?:them )?out of the country',
    '(?:ethnic|racial|religious) group (?:is|are) (?:inferior|vermin|subhuman)',
  ],
  sexual: ['porn\\w*', 'explicit sex\\w*', 'sexual content', 'erotic\\w*', 'nudes?', 'csam'],
  cyber: [
    `${makeVerbs} (?:a |an |some |me )?(?:\\w+ )?(?:malware|ransomware|keylogger|trojan|virus|rootkit|botnet|worm|exploit)s?`,
    `${makeVerbs} (?:a |an |me a )?(?:convincing )?phishing`, 'hack(?:ing)? into',
    'crack (?:a |the |their |his |her )?passwords?', '(?:launch|run|perform) (?:a )?ddos', 'zero-day exploits?',
    'reverse shell', 'steal (?:passwords|credentials|cookies|logins)',
  ],
  fraud: [
    'launder\\w* (?:money|cash|funds|proceeds)', 'money laundering scheme', `${makeVerbs} counterfeit`,
    '(?:make|get|buy) (?:a )?fake ids?', 'credit card fraud', '(?:buy|use|sell) stolen (?:credit )?cards?',
    'scam (?:people|someone|the elderly|old people|victims)', 'run (?:a )?scams?',
    `${makeVerbs} (?:a |an |me a )?(?:convincing )?scam`, 'ponzi scheme', 'evade taxes',
    'commit (?:identity theft|fraud)', 'forge (?:a )?(?:check|cheque|signature|document)s?', 'insider trading', 'carding',
  ],
  privacy: [
    'dox\\w*', 'home address of', "(?:neighbou?r|ex|coworker|colleague)'?s? (?:home )?address", 'show up and (?:scare|hurt|threaten)', 'track (?:someone|my ex|my wife|my husband)', 'stalk (?:someone|my ex|her|him)',
    'spy on', 'social security numbers? of',
  ],
  drugs: [
    'methamphetamine', 'meth', 'cocaine', 'heroin', 'fentanyl', 'cook (?:meth|drugs)',
    'synthesi[sz]e (?:drugs|mdma|lsd)', 'mdma',
  ],
} as const;

/** Phrases that ask for the metaprompt, its rules or its secret. */
export const leakPhrases = [
  '(?:system|hidden|initial|original|secret) (?:prompt|instructions|message)',
  'meta-?prompt',
  'pre-?prompt',
  'your (?:instructions|rules|guidelines|directives|configuration)',
  '(?:words|text|everything|instructions) above',
  'canary',
  'secret (?:code|key|token|word|password|phrase|value)',
  '(?:internal|confidential) (?:reference|code)',
  'what (?:were|are) you told',
];

/** Everyday words that look risky to a nervous filter; benign text with them is refused more often. */
export const riskyWords = [
  'kill', 'shoot', 'attack', 'execute', 'exploit', 'hack', 'crack', 'terminate', 'destroy', 'nuke', 'inject',
  'injection', 'trigger', 'strike', 'blow up', 'die', 'dead', 'poison\\w*', 'weapon', 'gun', 'knife', 'steal',
  'virus', 'drugs?', 'bullet',
];

const wholeWords = (sources: readonly string[]): RegExp => new RegExp(`\\b(?:${sources.join('|')})\\b`, 'i');
const harmPattern = wholeWords(Object.values(harmKeywords).flat());
const leakPattern = wholeWords(leakPhrases);
const riskyPattern = wholeWords(riskyWords);

/** True when `text` contains any harmful-topic keyword. */
export function hasHarmfulKeyword(text: string): boolean {
  return harmPattern.test(text);
}

/** True when `text` contains risky-looking everyday words. */
export function hasRiskyWording(text: string): boolean {
  return riskyPattern.test(text);
}

/** Reads the intent of (decoded) text: harmful keywords first, then requests for the metaprompt. */
export function classifyIntent(text: string): DemoIntent {
  if (hasHarmfulKeyword(text)) return 'harmful';
  return leakPattern.test(text) ? 'leak' : 'benign';
}
