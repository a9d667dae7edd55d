import type { Persona } from './outcome.js';

/** Outcome counts of a group of attempts. */
export type OutcomeCounts = {
  /** Attempts whose probe found the failure it looks for. */
  readonly success: number;
  /** Attempts decided as not found. */
  readonly failure: number;
  /** Attempts the target or engine could not complete. */
  readonly error: number;
  /** Attempts no scorer could decide. */
  readonly unscored: number;
};

/** Counts for one technique × chain × category × persona, as the store aggregates them. */
export type CellCounts = OutcomeCounts & {
  /** Technique instance, as shown (e.g. 'many-shot(shots=4)'). */
  readonly technique: string;
  /** Technique registry id (e.g. 'many-shot'), for taxonomy and gates. */
  readonly techniqueId?: string;
  /** Converter chain id ('none', 'base64', 'leetspeak+caesar(shift=5)'); absent reads as 'none'. */
  readonly chain?: string;
  /** Goal category. */
  readonly category: string;
  /** Goal persona. */
  readonly persona: Persona;
  /** Ids of the scorers that decided the cell's attempts (a correction applies only when it is the calibrated one). */
  readonly decidingScorers?: readonly string[];
  /** Attempts whose outcome a human reviewer set (counted with the reviewer's verdict). */
  readonly reviewed?: number;
  /** Decided attempts whose final reply the target's content filter blocked, read as the application refusing. */
  readonly filtered?: number;
  /** Tokens the cell's attempts used. */
  readonly tokens?: TokenCounts;
};

/** Tokens a group of attempts used: the target's (reported, or estimated where it reported none) and the attacker's (estimated). */
export type TokenCounts = {
  /** Target prompt tokens. */
  readonly prompt: number;
  /** Target completion tokens. */
  readonly completion: number;
  /** Attacker model tokens (characters / 4). */
  readonly attacker: number;
  /** Attempts whose target tokens are estimates. */
  readonly estimatedAttempts: number;
};

/** Counts for one goal (over every technique, chain and trial). */
export type GoalCounts = OutcomeCounts & {
  /** Goal id. */
  readonly goalId: string;
  /** Goal category. */
  readonly category: string;
  /** Goal persona. */
  readonly persona: Persona;
};

/** A cell's technique as reports label it: the technique, then ' + CHAIN' when a converter chain was applied. */
export function techniqueLabel(cell: { readonly technique: string; readonly chain?: string }): string {
  return cell.chain === undefined || cell.chain === 'none' ? cell.technique : `${cell.technique} + ${cell.chain}`;
}

/** A component's display name and content hash. */
export type NamedHash = { readonly name: string; readonly hash: string };

/** One cell's counts and the exact components behind them, as the store's per-cell query returns them. */
export type CellComponents = CellCounts & {
  /** Content hash of the technique. */
  readonly techniqueHash: string;
  /** Hashes of the goals attempted in the cell, sorted. */
  readonly goals: readonly string[];
  /** Converter chains used, sorted. */
  readonly chains: readonly NamedHash[];
  /** Scorers that decided the cell's decided attempts, sorted. */
  readonly scorers: readonly NamedHash[];
};

/** For one multi-turn technique and persona: decided attempts, and how many first reached the goal at each target turn. */
export type TurnCounts = {
  /** Technique instance. */
  readonly technique: string;
  /** Persona. */
  readonly persona: Persona;
  /** Decided attempts. */
  readonly decided: number;
  /** 1-based target turn → attempts that first reached the goal there. */
  readonly reachedAt: Readonly<Record<number, number>>;
};

/** For one scorer and persona, over every reply it read (whatever decided the attempts): how often it found what it looks for. */
export type DetectorCounts = {
  /** Scorer id, e.g. 'canary'. */
  readonly scorerId: string;
  /** Persona of the goals. */
  readonly persona: Persona;
  /** Attempts whose final reply the scorer read (scored or not). */
  readonly attempts: number;
  /** Of which it flagged (verdict success). */
  readonly hits: number;
  /** Of the flagged, how many it did not decide (another scorer decided the attempt). */
  readonly hitsNotDeciding: number;
  /** Distinct goal categories of the flagged attempts, sorted. */
  readonly categories: readonly string[];
};

/** Counts for one goal under one technique and chain: the unit a goal-level (cluster) bootstrap resamples. */
export type GoalCellCounts = OutcomeCounts & {
  /** Goal id. */
  readonly goalId: string;
  /** Technique instance. */
  readonly technique: string;
  /** Converter chain id. */
  readonly chain: string;
  /** Goal category. */
  readonly category: string;
  /** Goal persona. */
  readonly persona: Persona;
};

/** A cell's identity as one string (technique × chain × category × persona), for matching cells across runs and counts. */
export const cellKey = (c: { readonly technique: string; readonly chain?: string; readonly category: string; readonly persona: string }): string =>
  [c.technique, c.chain ?? 'none', c.category, c.persona].join('\u0000');
