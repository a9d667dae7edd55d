import type { Db } from './db.js';
import { eventsFromTurns } from './events-from-turns.js';
import { indexSearchText } from './search-index.js';

/** One schema step; `version` is stored in SQLite's `user_version`. */
export type Migration = {
  /** The schema version this step brings the database to. */
  readonly version: number;
  /** The DDL (and set-based data changes) of the step. */
  readonly sql: string;
  /** Data changes SQL cannot express, run after `sql` in the same transaction. */
  readonly run?: (db: Db) => void;
};

/**
 * The statement a review trigger runs: moves its attempt's count, in the attempt's tally row, from outcome `from` to
 * outcome `to` (SQL expressions over `a`, the attempt, and NEW/OLD, the review), and `reviewed` by one.
 */
function moveTally(input: { row: 'NEW' | 'OLD'; from: string; to: string; reviewed: 1 | -1 }): string {
  const { row, from, to } = input;
  const moved = (['success', 'failure', 'error', 'unscored'] as const).map((o) => `${o} = t.${o} + (${to} = '${o}') - (${from} = '${o}')`).join(', ');
  return `
        UPDATE attempt_tallies AS t SET ${moved}, reviewed = t.reviewed + (${input.reviewed})
        FROM attempts a WHERE a.id = ${row}.attempt_id AND t.run_id = a.run_id AND t.goal_ref = a.goal_ref AND t.technique_ref = a.technique_ref
          AND t.chain_ref = a.chain_ref AND t.scorer_ref = IFNULL(a.scorer_ref, 0) AND t.category = a.category AND t.persona = a.persona
          AND t.reached = CASE WHEN a.turns_used IS NULL THEN -2 ELSE IFNULL(a.reached_at, -1) END;`;
}

/**
 * A step that widens the events table's list of types. SQLite cannot change a CHECK constraint in place, so the table
 * is rebuilt with the longer list (rows copied as they are) and renamed.
 */
function eventTypesStep(version: number, types: readonly string[]): Migration {
  const table = `events_${version}`;
  return {
    version,
    sql: `
      CREATE TABLE ${table} (
        attempt_id INTEGER NOT NULL REFERENCES attempts(id),
        idx INTEGER NOT NULL,
        type TEXT NOT NULL CHECK (type IN (${types.map((t) => `'${t}'`).join(', ')})),
        body TEXT NOT NULL,
        PRIMARY KEY (attempt_id, idx)
      ) WITHOUT ROWID;
      INSERT INTO ${table} (attempt_id, idx, type, body) SELECT attempt_id, idx, type, body FROM events;
      DROP TABLE events;
    `,
    // No trigger or view names the events table, so the rename need not rewrite any: the legacy rename skips
    // re-checking the other tables' triggers (which it would reject for their UPDATE … FROM aliases).
    run: (db) => {
      db.pragma('legacy_alter_table = ON');
      try {
        db.exec(`ALTER TABLE ${table} RENAME TO events`);
      } finally {
        db.pragma('legacy_alter_table = OFF');
      }
    },
  };
}

/** Every schema step, oldest first. Never edit a released step: add a new one. */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE runs (
        id TEXT PRIMARY KEY,
        created_at INTEGER NOT NULL,
        finished_at INTEGER,
        status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'interrupted', 'failed')),
        target_id TEXT NOT NULL,
        target_hash TEXT NOT NULL,
        simulated INTEGER NOT NULL,
        seed INTEGER NOT NULL,
        planned INTEGER NOT NULL,
        trials INTEGER NOT NULL,
        config_json TEXT NOT NULL,
        base_dir TEXT NOT NULL,
        hashes_json TEXT NOT NULL,
        redline_version TEXT NOT NULL
      );
      -- Content-addressed components: every attempt points at the exact goal, technique, chain and scorer it used.
      CREATE TABLE components (
        ref INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('goal', 'technique', 'chain', 'scorer')),
        name TEXT NOT NULL,
        hash TEXT NOT NULL,
        spec_json TEXT NOT NULL,
        UNIQUE (kind, hash)
      );
      CREATE TABLE attempts (
        id INTEGER PRIMARY KEY,
        run_id TEXT NOT NULL REFERENCES runs(id),
        seq INTEGER NOT NULL,
        goal_ref INTEGER NOT NULL REFERENCES components(ref),
        technique_ref INTEGER NOT NULL REFERENCES components(ref),
        chain_ref INTEGER NOT NULL REFERENCES components(ref),
        scorer_ref INTEGER REFERENCES components(ref),
        trial INTEGER NOT NULL,
        category TEXT NOT NULL,
        persona TEXT NOT NULL CHECK (persona IN ('malicious', 'benign')),
        outcome TEXT NOT NULL CHECK (outcome IN ('success', 'failure', 'error', 'unscored')),
        error_kind TEXT,
        error_message TEXT,
        retries INTEGER NOT NULL,
        latency_ms REAL NOT NULL,
        prompt_tokens INTEGER,
        completion_tokens INTEGER,
        started_at INTEGER NOT NULL,
        finished_at INTEGER NOT NULL,
        UNIQUE (run_id, seq)
      );
      CREATE TABLE turns (
        attempt_id INTEGER NOT NULL REFERENCES attempts(id),
        idx INTEGER NOT NULL,
        role TEXT NOT NULL,
        content TEXT NOT NULL,
        original TEXT,
        PRIMARY KEY (attempt_id, idx)
      ) WITHOUT ROWID;
      CREATE TABLE scores (
        attempt_id INTEGER NOT NULL REFERENCES attempts(id),
        scorer_ref INTEGER NOT NULL REFERENCES components(ref),
        verdict TEXT NOT NULL CHECK (verdict IN ('success', 'failure', 'unscored')),
        label TEXT NOT NULL,
        value REAL,
        reason TEXT NOT NULL,
        PRIMARY KEY (attempt_id, scorer_ref)
      ) WITHOUT ROWID;
      CREATE INDEX attempts_by_cell ON attempts (run_id, technique_ref, category, persona, outcome);
      CREATE INDEX runs_by_target ON runs (target_hash, created_at);
    `,
  },
  {
    version: 2,
    // Low-resource-language attacks: the reply as scorers read it, translated back to English.
    sql: `ALTER TABLE turns ADD COLUMN interpreted TEXT;`,
  },
  {
    version: 3,
    // Human review labels, stored beside the machine scores and preferred over them in summaries.
    sql: `
      CREATE TABLE reviews (
        attempt_id INTEGER PRIMARY KEY REFERENCES attempts(id),
        verdict TEXT NOT NULL CHECK (verdict IN ('success', 'failure')),
        reviewer TEXT,
        note TEXT,
        reviewed_at INTEGER NOT NULL
      );
    `,
  },
  {
    version: 4,
    // Multi-turn attempts: who wrote each turn, its branch, abandoned branches, and per-attempt conversation metrics.
    sql: `
      ALTER TABLE turns ADD COLUMN source TEXT;
      ALTER TABLE turns ADD COLUMN node TEXT;
      ALTER TABLE turns ADD COLUMN pruned INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE attempts ADD COLUMN turns_used INTEGER;
      ALTER TABLE attempts ADD COLUMN backtracks INTEGER;
      ALTER TABLE attempts ADD COLUMN reached_at INTEGER;
      ALTER TABLE attempts ADD COLUMN attacker_tokens INTEGER;
    `,
  },
  {
    version: 5,
    // The attempt becomes a typed event log: one events table (type + JSON body) replaces turns and scores, so new
    // kinds of content (tool calls, planted documents, target-call metadata) need no new columns. Technique and
    // scorer rows get their registry id, so reports never parse it back out of a display name.
    sql: `
      ALTER TABLE components ADD COLUMN registry_id TEXT;
      UPDATE components SET registry_id = json_extract(spec_json, '$.id') WHERE kind IN ('technique', 'scorer');
      UPDATE components SET registry_id = name WHERE kind IN ('goal', 'chain');
      CREATE TABLE events (
        attempt_id INTEGER NOT NULL REFERENCES attempts(id),
        idx INTEGER NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('message', 'target-call', 'conversion', 'score', 'error')),
        body TEXT NOT NULL,
        PRIMARY KEY (attempt_id, idx)
      ) WITHOUT ROWID;
    `,
    run: (db) => {
      eventsFromTurns(db);
      db.exec('DROP TABLE turns; DROP TABLE scores;');
    },
  },
  {
    version: 6,
    // What the preflight skipped or adapted before the first send, and why a run stopped without measuring.
    sql: `
      ALTER TABLE runs ADD COLUMN preflight_json TEXT;
      ALTER TABLE runs ADD COLUMN failure_json TEXT;
    `,
  },
  {
    version: 7,
    // Who is executing a run: one process at a time, so two resumes never send (and spend) twice.
    sql: `
      CREATE TABLE run_locks (
        run_id TEXT PRIMARY KEY REFERENCES runs(id),
        pid INTEGER NOT NULL,
        host TEXT NOT NULL,
        acquired_at INTEGER NOT NULL,
        heartbeat_at INTEGER NOT NULL
      );
    `,
  },
  {
    version: 8,
    // Whether an attempt's token counts are estimates (the target reported none): cost is then marked estimated.
    sql: `ALTER TABLE attempts ADD COLUMN usage_estimated INTEGER NOT NULL DEFAULT 0;`,
  },
  {
    version: 9,
    // A run's review sample: attempts drawn at random within each judge verdict for a person to label, in review
    // order; with their labels (reviews) it corrects the run's rates for the judge's errors.
    sql: `
      CREATE TABLE review_samples (
        attempt_id INTEGER PRIMARY KEY REFERENCES attempts(id),
        run_id TEXT NOT NULL REFERENCES runs(id),
        stratum TEXT NOT NULL CHECK (stratum IN ('success', 'failure')),
        position INTEGER NOT NULL,
        seed INTEGER NOT NULL,
        drawn_at INTEGER NOT NULL
      );
      CREATE UNIQUE INDEX review_samples_order ON review_samples (run_id, position);
    `,
  },
  {
    version: 10,
    // The dashboard: a full-text index over each attempt's prompts and replies (contentless: it holds the words, not a
    // second copy of the text), every reviewer's label kept for agreement (reviews keeps the one summaries count), and
    // an index for listing a run's attempts by outcome.
    sql: `
      CREATE VIRTUAL TABLE attempt_search USING fts5(prompt, reply, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
      CREATE TABLE review_labels (
        attempt_id INTEGER NOT NULL REFERENCES attempts(id),
        reviewer TEXT NOT NULL,
        verdict TEXT NOT NULL CHECK (verdict IN ('success', 'failure')),
        note TEXT,
        labeled_at INTEGER NOT NULL,
        PRIMARY KEY (attempt_id, reviewer)
      ) WITHOUT ROWID;
      INSERT INTO review_labels (attempt_id, reviewer, verdict, note, labeled_at)
        SELECT attempt_id, COALESCE(reviewer, ''), verdict, note, reviewed_at FROM reviews;
    `,
    run: (db) => indexSearchText(db),
  },
  {
    version: 11,
    // Summaries at a million attempts: counts kept as attempts and reviews are written, so a run's aggregates read
    // thousands of rows instead of every attempt and its JSON events. attempt_tallies counts attempts per goal ×
    // technique × chain × deciding scorer × category × persona × turn reached (the outcome summaries count, with
    // reviews applied by the triggers below; the machine's; tokens; content-filtered replies); detector_tallies
    // counts final replies per scorer, persona, category, flagged or not, and deciding or not (the attempt writer
    // adds to it). Self-contained (independent of version 10), and it backfills every stored run.
    sql: `
      ALTER TABLE attempts ADD COLUMN filtered INTEGER NOT NULL DEFAULT 0;
      UPDATE attempts SET filtered = f.n FROM (
        SELECT attempt_id, COUNT(*) AS n FROM events
        WHERE type = 'score' AND json_extract(body, '$.deciding') = 1 AND json_extract(body, '$.turn') IS NULL
          AND json_extract(body, '$.score.label') = 'content-filter'
        GROUP BY attempt_id) AS f
      WHERE f.attempt_id = attempts.id;
      CREATE TABLE attempt_tallies (
        run_id TEXT NOT NULL REFERENCES runs(id),
        goal_ref INTEGER NOT NULL,
        technique_ref INTEGER NOT NULL,
        chain_ref INTEGER NOT NULL,
        scorer_ref INTEGER NOT NULL, -- 0: no deciding scorer (an error)
        category TEXT NOT NULL,
        persona TEXT NOT NULL,
        reached INTEGER NOT NULL, -- -2: not a multi-turn attempt; -1: goal not reached; else the turn it was first reached at
        success INTEGER NOT NULL, failure INTEGER NOT NULL, error INTEGER NOT NULL, unscored INTEGER NOT NULL, reviewed INTEGER NOT NULL,
        machine_success INTEGER NOT NULL, machine_failure INTEGER NOT NULL, filtered INTEGER NOT NULL,
        prompt_tokens INTEGER NOT NULL, completion_tokens INTEGER NOT NULL, attacker_tokens INTEGER NOT NULL, estimated INTEGER NOT NULL,
        PRIMARY KEY (run_id, goal_ref, technique_ref, chain_ref, scorer_ref, category, persona, reached)
      ) WITHOUT ROWID;
      INSERT INTO attempt_tallies
        SELECT a.run_id, a.goal_ref, a.technique_ref, a.chain_ref, IFNULL(a.scorer_ref, 0), a.category, a.persona,
               CASE WHEN a.turns_used IS NULL THEN -2 ELSE IFNULL(a.reached_at, -1) END,
               SUM(COALESCE(r.verdict, a.outcome) = 'success'), SUM(COALESCE(r.verdict, a.outcome) = 'failure'),
               SUM(COALESCE(r.verdict, a.outcome) = 'error'), SUM(COALESCE(r.verdict, a.outcome) = 'unscored'), COUNT(r.attempt_id),
               SUM(a.outcome = 'success'), SUM(a.outcome = 'failure'), SUM(a.filtered),
               IFNULL(SUM(a.prompt_tokens), 0), IFNULL(SUM(a.completion_tokens), 0), IFNULL(SUM(a.attacker_tokens), 0), SUM(a.usage_estimated)
        FROM attempts a LEFT JOIN reviews r ON r.attempt_id = a.id
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
      CREATE TRIGGER attempts_tally AFTER INSERT ON attempts BEGIN
        INSERT INTO attempt_tallies VALUES (NEW.run_id, NEW.goal_ref, NEW.technique_ref, NEW.chain_ref, IFNULL(NEW.scorer_ref, 0), NEW.category, NEW.persona,
          CASE WHEN NEW.turns_used IS NULL THEN -2 ELSE IFNULL(NEW.reached_at, -1) END,
          NEW.outcome = 'success', NEW.outcome = 'failure', NEW.outcome = 'error', NEW.outcome = 'unscored', 0,
          NEW.outcome = 'success', NEW.outcome = 'failure', NEW.filtered,
          IFNULL(NEW.prompt_tokens, 0), IFNULL(NEW.completion_tokens, 0), IFNULL(NEW.attacker_tokens, 0), NEW.usage_estimated)
        ON CONFLICT (run_id, goal_ref, technique_ref, chain_ref, scorer_ref, category, persona, reached) DO UPDATE SET
          success = success + excluded.success, failure = failure + excluded.failure, error = error + excluded.error, unscored = unscored + excluded.unscored,
          machine_success = machine_success + excluded.machine_success, machine_failure = machine_failure + excluded.machine_failure,
          filtered = filtered + excluded.filtered, prompt_tokens = prompt_tokens + excluded.prompt_tokens,
          completion_tokens = completion_tokens + excluded.completion_tokens, attacker_tokens = attacker_tokens + excluded.attacker_tokens,
          estimated = estimated + excluded.estimated;
      END;
      -- A review moves its attempt's count from the machine's outcome to the reviewer's verdict; clearing it moves it back.
      CREATE TRIGGER reviews_tally_insert AFTER INSERT ON reviews BEGIN${moveTally({ row: 'NEW', from: 'a.outcome', to: 'NEW.verdict', reviewed: 1 })}
      END;
      CREATE TRIGGER reviews_tally_delete AFTER DELETE ON reviews BEGIN${moveTally({ row: 'OLD', from: 'OLD.verdict', to: 'a.outcome', reviewed: -1 })}
      END;
      CREATE TRIGGER reviews_tally_update AFTER UPDATE ON reviews BEGIN${moveTally({ row: 'OLD', from: 'OLD.verdict', to: 'a.outcome', reviewed: -1 })}${
        moveTally({ row: 'NEW', from: 'a.outcome', to: 'NEW.verdict', reviewed: 1 })}
      END;
      CREATE TABLE detector_tallies (
        run_id TEXT NOT NULL REFERENCES runs(id),
        scorer_id TEXT NOT NULL,
        persona TEXT NOT NULL,
        category TEXT NOT NULL,
        hit INTEGER NOT NULL, -- the scorer's final verdict on the reply was success
        deciding INTEGER NOT NULL, -- the scorer decided the attempt
        attempts INTEGER NOT NULL,
        PRIMARY KEY (run_id, scorer_id, persona, category, hit, deciding)
      ) WITHOUT ROWID;
      INSERT INTO detector_tallies
        SELECT run_id, scorer, persona, category, IFNULL(hit, 0), IFNULL(deciding, 1), COUNT(*) FROM (
          SELECT a.run_id, a.persona, a.category, json_extract(e.body, '$.score.scorerId') AS scorer,
                 MAX(json_extract(e.body, '$.score.verdict') = 'success') AS hit, MAX(json_extract(e.body, '$.deciding') = 1) AS deciding
          FROM attempts a JOIN events e ON e.attempt_id = a.id
          WHERE e.type = 'score' AND json_extract(e.body, '$.turn') IS NULL
          GROUP BY a.id, scorer)
        WHERE scorer IS NOT NULL
        GROUP BY 1, 2, 3, 4, 5, 6;
    `,
  },
  {
    version: 12,
    // The dashboard at a million attempts: a cell's first attempts of an outcome (the report's examples) and a run's
    // errors by kind read a few index entries instead of every attempt.
    sql: `
      CREATE INDEX attempts_by_cell_outcome ON attempts (run_id, technique_ref, chain_ref, category, persona, outcome, seq);
      CREATE INDEX attempts_errors ON attempts (run_id, error_kind, seq) WHERE error_kind IS NOT NULL;
    `,
  },
  // Defense layers: a guarded target's layer decisions are events of their own type.
  eventTypesStep(13, ['message', 'target-call', 'conversion', 'score', 'error', 'layer']),
  // Classic ML: an attack on a classifier records what it measured (queries, perturbation sizes, progress) as an event.
  eventTypesStep(14, ['message', 'target-call', 'conversion', 'score', 'error', 'layer', 'ml']),
];
