// Readers of the labelled inputs the offline injection detector (src/classifiers/injection-detector) is trained and
// measured on, each in its upstream format under ../shared/datasets (never copied into the repository), reusing the
// project's importers where one exists. A source is one collection effort: leave-one-source-out evaluation holds out
// a whole source. Jailbreak prompts count as positives: OWASP LLM01:2025 treats jailbreaking as a form of prompt
// injection (input written to override the instructions and policy the model was given).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { advbench } from '../src/datasets/importers/advbench.js';
import { bipia } from '../src/datasets/importers/bipia.js';
import { cyberseceval } from '../src/datasets/importers/cyberseceval.js';
import { readJailbreakTemplates } from '../src/datasets/importers/jailbreak-templates.js';
import { xstest } from '../src/datasets/importers/xstest.js';
import { readJsonArray, readJsonLines } from '../src/datasets/json-rows.js';
import type { LabeledText, LabeledTextSource } from '../src/classifiers/injection-detector/fit-injection-detector.js';

/** A source, what it holds, and which files it was read from (for the data hash). */
export type InjectionSource = LabeledTextSource & {
  /** One line: files and labels. */
  readonly note: string;
  /** Files read, relative to the datasets folder. */
  readonly files: readonly string[];
};

/** Drops repeated texts (exact, after trimming), keeping the first. */
function unique(texts: readonly LabeledText[]): LabeledText[] {
  const seen = new Set<string>();
  return texts.filter((t) => {
    const key = t.text.trim();
    if (key === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** deepset/prompt-injections, train split (Apache-2.0): label 1 = injection. */
export function deepset(datasets: string): InjectionSource {
  const file = 'deepset-prompt-injections/derived_train.jsonl';
  const texts = readJsonLines(join(datasets, file)).map((row) => ({ text: String(row.values['text'] ?? ''), injected: row.values['label'] === 1 }));
  return { name: 'deepset', texts: unique(texts), note: 'derived_train.jsonl, label 1 = injection (Apache-2.0)', files: [file] };
}

/** Where BIPIA plants an attack: before the context, at a line or sentence break near its middle, or after it. */
function plant(context: string, attack: string, position: number): LabeledText {
  const middle = context.length >> 1;
  const breaks = [...context.matchAll(/\n|(?<=[.!?]) /g)].map((m) => m.index + m[0].length);
  const cut = position === 0 ? 0 : position === 2 ? context.length
    : breaks.reduce((best, b) => (Math.abs(b - middle) < Math.abs(best - middle) ? b : best), breaks[0] ?? middle);
  const before = context.slice(0, cut);
  const after = context.slice(cut);
  const head = before === '' || /\s$/.test(before) ? before : `${before}\n`;
  const tail = after === '' || /^\s/.test(after) ? after : `\n${after}`;
  return { text: `${head}${attack}${tail}`, injected: true, planted: { start: head.length, end: head.length + attack.length } };
}

/**
 * BIPIA (MIT attacks; email MIT, table and code contexts CC-BY-SA-4.0) in one split: each attack planted in the
 * context the importer pairs it with (start, middle or end in turn) is a positive; that context, clean, a negative.
 */
export function bipiaSplit(datasets: string, split: 'train' | 'test'): InjectionSource {
  const dir = join(datasets, 'bipia', 'benchmark');
  const pairs = [['text', 'email'], ['text', 'table'], ['code', 'code']] as const;
  const files: string[] = [];
  const texts = pairs.flatMap(([attacks, task]) => {
    files.push(`bipia/benchmark/${attacks}_attack_${split}.json`, `bipia/benchmark/${task}/${split}.jsonl`);
    // The importer gives attack n the context n modulo the contexts' count: keep one attack per context, so each
    // context is once clean and once planted and its own wording cannot tell the two apart.
    const all = bipia.load(join(dir, `${attacks}_attack_${split}.json`), { contexts: `${task}/${split}.jsonl` });
    const goals = all.filter((g, i) => all.findIndex((h) => h.metadata?.['context'] === g.metadata?.['context']) === i);
    const contexts = goals.map((g) => ({ text: g.metadata?.['context'] ?? '', injected: false }));
    return [...goals.map((g, i) => plant(g.metadata?.['context'] ?? '', g.text, i % 3)), ...contexts];
  });
  return { name: split === 'train' ? 'bipia' : 'bipia test split', texts: unique(texts), note: `${split} attacks planted in ${split} email/table/code contexts vs the clean contexts`, files };
}

/** CyberSecEval prompt_injection.json (MIT): every user_input is an injection. */
export function cybersecevalInjections(datasets: string): InjectionSource {
  const file = 'cyberseceval/prompt_injection.json';
  const texts = cyberseceval.load(join(datasets, file)).map((g) => ({ text: g.text, injected: true }));
  return { name: 'cyberseceval', texts: unique(texts), note: 'prompt_injection.json user_input, all injections (MIT)', files: [file] };
}

/** CyberSecEval mitre_frr.json (MIT): benign security prompts, hard negatives. */
export function cybersecevalFrr(datasets: string): InjectionSource {
  const file = 'cyberseceval/mitre_frr.json';
  const texts = readJsonArray(join(datasets, file)).map((row) => ({ text: String(row.values['mutated_prompt'] ?? ''), injected: false }));
  return { name: 'cyberseceval-frr', texts: unique(texts), note: 'mitre_frr.json mutated_prompt, all benign (MIT)', files: [file] };
}

/** In-the-wild jailbreak prompts, 2023-12-25 release (MIT): every prompt a positive. */
export function jailbreakPrompts(datasets: string): InjectionSource {
  const file = 'jailbreak-llms/jailbreak_prompts_2023_12_25.csv';
  const texts = readJailbreakTemplates(join(datasets, file)).map((t) => ({ text: t.text, injected: true }));
  return { name: 'jailbreak-llms', texts: unique(texts), note: 'jailbreak_prompts_2023_12_25.csv, all jailbreaks (MIT)', files: [file] };
}

/** XSTest safe prompts (CC-BY-4.0): benign prompts that look risky, negatives. */
export function xstestSafe(datasets: string): InjectionSource {
  const file = 'xstest/xstest_prompts.csv';
  const texts = xstest.load(join(datasets, file)).filter((g) => g.persona === 'benign').map((g) => ({ text: g.text, injected: false }));
  return { name: 'xstest-safe', texts: unique(texts), note: 'xstest_prompts.csv label safe, all benign (CC-BY-4.0)', files: [file] };
}

/**
 * AdvBench harmful behaviors (MIT) as negatives: plain requests, harmful or not, are not injections. The detector
 * flags framing written to override instructions; whether a request is harmful is the harm classifiers' question.
 */
export function plainRequests(datasets: string): InjectionSource {
  const file = 'advbench/harmful_behaviors.csv';
  const texts = advbench.load(join(datasets, file)).map((g) => ({ text: g.text, injected: false }));
  return { name: 'advbench-plain', texts: unique(texts), note: 'harmful_behaviors.csv goal, plain requests without framing, not injections (MIT)', files: [file] };
}

/** The sources the detector is trained on, in a fixed order. */
export function injectionSources(datasets: string): InjectionSource[] {
  return [deepset(datasets), bipiaSplit(datasets, 'train'), cybersecevalInjections(datasets), cybersecevalFrr(datasets), jailbreakPrompts(datasets), plainRequests(datasets), xstestSafe(datasets)];
}

/** First 16 hex digits of SHA-256 over the sources' files, in order. */
export function injectionDataHash(datasets: string, sources: readonly InjectionSource[]): string {
  const hash = createHash('sha256');
  for (const file of sources.flatMap((s) => s.files)) hash.update(readFileSync(join(datasets, file)));
  return hash.digest('hex').slice(0, 16);
}
