import type { Attempt } from '../core/attempt.js';
import type { ScoreInput } from '../core/score.js';
import { turnsOf, type AttemptEvent } from '../core/event.js';
import type { Message } from '../core/message.js';
import { blockedReply, replyReading } from '../core/reply-reading.js';
import type { AttemptView, RunStore } from '../core/run-store.js';
import type { StoredRun } from '../core/run.js';
import { StoreError } from '../core/errors.js';
import { systemClock, type Clock } from '../engine/clock.js';
import { scoreReply } from '../engine/score-reply.js';
import { closePrepared } from './close-prepared.js';
import { attemptPages } from './attempt-pages.js';
import { lockRun } from './run-lock.js';
import { prepareStart, registerRun, type PreparedStart } from './start-run.js';

/** What to re-decide a stored run with. */
export type RescoreOptions = {
  /** The run whose replies are scored again. */
  readonly runId: string;
  /** The scorers of the new run, as `scoring.scorers` takes them. */
  readonly scorers: readonly unknown[];
  /** The scorer that decides every goal (`scoring.decide`); by default each goal kind's own, as in a scan. */
  readonly decide?: string;
  /** Environment for secrets an LLM judge's configuration names; never stored. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly clock?: Clock;
  /** Attempts read from the store at a time. */
  readonly pageSize?: number;
};

/** The new run, and how many attempts were scored again (errors are copied as errors). */
export type RescoreResult = { readonly run: StoredRun; readonly rescored: number; readonly errors: number };

/**
 * Re-decides a stored run with other scorers into a new run, without calling the target: every recorded reply (and
 * conversation) is scored again, the messages, target calls and conversions are copied as they were. The new run
 * has the same target, goals, techniques, chains, trials and seed, so `redline compare` sets the two side by side.
 */
export async function rescoreRun(store: RunStore, options: RescoreOptions): Promise<RescoreResult> {
  const clock = options.clock ?? systemClock();
  const source = await store.runs.require(options.runId);
  const label = `rescore of run ${source.id}`;
  const config = source.config as Record<string, unknown> & { scoring?: Record<string, unknown> };
  // The old run's `decide` goes with its old scorers: the new run decides by --decide, else by each goal kind's own.
  const { decide: _old, ...kept } = config.scoring ?? {};
  const scoring = { ...kept, scorers: options.scorers, ...(options.decide === undefined ? {} : { decide: options.decide }) };
  const start = await prepareStart({ config: { ...config, seed: source.seed, scoring }, configFile: label, baseDir: source.baseDir, env: options.env ?? {}, clock });
  try {
    assertSamePlan(source, start, store.location);
    const { run } = await registerRun(store, start, clock);
    const lock = await lockRun(store, run.id, clock);
    try {
      const counts = await copyScored(store, { source, run, start, pageSize: options.pageSize ?? 500 });
      await store.runs.setStatus({ id: run.id, status: counts.recorded === run.planned ? 'completed' : 'interrupted', at: clock.now() });
      return { run: await store.runs.require(run.id), rescored: counts.rescored, errors: counts.errors };
    } finally {
      await lock.release();
    }
  } finally {
    await closePrepared(start.prepared);
  }
}

/** The new scorers must not change what is attempted: same components but scorers, same plan size. */
function assertSamePlan(source: StoredRun, start: PreparedStart, where: string): void {
  const { hashes } = start.prepared;
  const changed = [
    ...(['target', 'goals'] as const).filter((k) => hashes[k] !== source.hashes[k]),
    ...(['techniques', 'chains'] as const).filter((k) => JSON.stringify(hashes[k]) !== JSON.stringify(source.hashes[k])),
  ];
  if (changed.length > 0 || start.plan.size !== source.planned) {
    throw new StoreError(`run ${source.id} cannot be re-scored: ${changed.length > 0 ? `its ${changed.join(', ')} changed since it ran` : `with these scorers its plan has ${start.plan.size} attempts, not ${source.planned}`}`, {
      file: where, hint: 'rescore with the Redline version that ran it, and scorers that can decide every goal it attempted (see the preflight of a scan)',
    });
  }
}

async function copyScored(store: RunStore, input: { source: StoredRun; run: StoredRun; start: PreparedStart; pageSize: number }): Promise<{ recorded: number; rescored: number; errors: number }> {
  const { source, run, start } = input;
  const { prepared, plan } = start;
  const writer = await store.attempts.openWriter({ run, components: prepared.refs });
  let rescored = 0;
  let errors = 0;
  for await (const view of attemptPages(store, { runId: source.id, pageSize: input.pageSize })) {
    const planned = plan.at(view.seq);
    const goal = prepared.resolver.goal(planned.goal);
    const kept = view.events.filter((e) => !(e.type === 'score' && e.turn === undefined));
    const measures = view.measures ?? { retries: 0, latencyMs: 0, startedAt: 0, finishedAt: 0 };
    const base = {
      seq: view.seq, trial: planned.trial, goal: planned.goal, technique: planned.technique, chain: planned.chain,
      category: planned.category, persona: planned.persona, ...measures,
    };
    if (view.machineOutcome === 'error') {
      errors += 1;
      const [kind = 'error', ...message] = (view.error ?? 'error: unknown').split(': ');
      writer.record({ ...base, events: kept, outcome: 'error', error: { kind, message: message.join(': ') } } as Attempt);
      continue;
    }
    const scored = await scoreReply(prepared.scoring, { goal, ...readingOf(view) }, blockedOf(view.events));
    rescored += 1;
    writer.record({ ...base, events: [...kept, ...scored.events], outcome: scored.outcome, decidedBy: scored.decidedBy } as Attempt);
  }
  await writer.flush();
  return { recorded: await store.attempts.count(run.id), rescored, errors };
}

/** The conversation and final reply as scorers read them when the attempt ran: prompts before conversion, replies as interpreted. */
function readingOf(view: AttemptView): Pick<ScoreInput, 'conversation' | 'response'> {
  const turns = turnsOf(view.events).filter((t) => !t.pruned);
  const conversation: Message[] = turns.map((t) => ({ role: t.role, content: t.role === 'assistant' ? t.interpreted ?? t.content : t.original ?? t.content }));
  const last = [...turns].reverse().find((t) => t.role === 'assistant');
  const response = last === undefined ? '' : replyReading({ text: last.interpreted ?? last.content, ...(last.parts === undefined ? {} : { parts: last.parts }) });
  return { conversation, response };
}

/** The content-filter categories when the final reply was blocked by the target's filter, as the scan read it. */
function blockedOf(events: readonly AttemptEvent[]): string | undefined {
  const call = [...events].reverse().find((e): e is Extract<AttemptEvent, { type: 'target-call' }> => e.type === 'target-call' && e.ok);
  const last = [...turnsOf(events)].reverse().find((t) => t.role === 'assistant' && !t.pruned);
  return last === undefined ? undefined : blockedReply({ contentFilter: call?.metadata?.contentFilter, text: last.content, parts: last.parts });
}
