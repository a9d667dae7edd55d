/** One schema step of the PostgreSQL store; the version reached is kept in `redline_schema`. */
export type PostgresMigration = {
  /** The schema version this step brings the database to. */
  readonly version: number;
  /** The DDL of the step, run in the migration's transaction (PostgreSQL's DDL is transactional). */
  readonly sql: string;
};

const OUTCOMES = ['success', 'failure', 'error', 'unscored'] as const;

/** Text compared and sorted byte by byte, as SQLite does: reports list names in the same order from either store. */
const KEY = 'text COLLATE "C"';

/** Where an attempt's tally row is: the tally key of `a` equals that of `t`. */
const SAME_TALLY = `t.run_id = a.run_id AND t.goal_ref = a.goal_ref AND t.technique_ref = a.technique_ref AND t.chain_ref = a.chain_ref
      AND t.scorer_ref = COALESCE(a.scorer_ref, 0) AND t.category = a.category AND t.persona = a.persona
      AND t.reached = CASE WHEN a.turns_used IS NULL THEN -2 ELSE COALESCE(a.reached_at, -1) END`;

/** Moves the reviewed attempt's count, in its tally row, from outcome `from` to outcome `to` (SQL over `a` and the review row). */
function moveTally(input: { row: 'NEW' | 'OLD'; from: string; to: string; reviewed: 1 | -1 }): string {
  const moved = OUTCOMES.map((o) => `${o} = t.${o} + (${input.to} = '${o}')::int - (${input.from} = '${o}')::int`).join(', ');
  return `
    UPDATE attempt_tallies AS t SET ${moved}, reviewed = t.reviewed + (${input.reviewed})
    FROM attempts a WHERE a.id = ${input.row}.attempt_id AND ${SAME_TALLY};`;
}

/** Every schema step, oldest first. Never edit a released step: add a new one. */
export const postgresMigrations: readonly PostgresMigration[] = [
  {
    // The SQLite store's schema after its 14 steps, in one: same tables, columns and meaning (docs/decisions/037).
    version: 1,
    sql: `
      CREATE TABLE runs (
        id ${KEY} PRIMARY KEY,
        created_at bigint NOT NULL,
        finished_at bigint,
        status text NOT NULL CHECK (status IN ('running', 'completed', 'interrupted', 'failed')),
        target_id text NOT NULL,
        target_hash text NOT NULL,
        simulated boolean NOT NULL,
        seed bigint NOT NULL,
        planned bigint NOT NULL,
        trials integer NOT NULL,
        config_json text NOT NULL,
        base_dir text NOT NULL,
        hashes_json text NOT NULL,
        redline_version text NOT NULL,
        preflight_json text,
        failure_json text
      );
      CREATE INDEX runs_by_target ON runs (target_hash, created_at);
      -- Content-addressed components: every attempt points at the exact goal, technique, chain and scorer it used.
      CREATE TABLE components (
        ref bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        kind ${KEY} NOT NULL CHECK (kind IN ('goal', 'technique', 'chain', 'scorer')),
        name ${KEY} NOT NULL,
        hash ${KEY} NOT NULL,
        spec_json text NOT NULL,
        registry_id ${KEY},
        UNIQUE (kind, hash)
      );
      CREATE TABLE attempts (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        run_id ${KEY} NOT NULL REFERENCES runs(id),
        seq integer NOT NULL,
        goal_ref bigint NOT NULL REFERENCES components(ref),
        technique_ref bigint NOT NULL REFERENCES components(ref),
        chain_ref bigint NOT NULL REFERENCES components(ref),
        scorer_ref bigint REFERENCES components(ref),
        trial integer NOT NULL,
        category ${KEY} NOT NULL,
        persona ${KEY} NOT NULL CHECK (persona IN ('malicious', 'benign')),
        outcome ${KEY} NOT NULL CHECK (outcome IN ('success', 'failure', 'error', 'unscored')),
        error_kind ${KEY},
        error_message text,
        retries integer NOT NULL,
        latency_ms double precision NOT NULL,
        prompt_tokens bigint,
        completion_tokens bigint,
        started_at bigint NOT NULL,
        finished_at bigint NOT NULL,
        turns_used integer,
        backtracks integer,
        reached_at integer,
        attacker_tokens bigint,
        usage_estimated boolean NOT NULL DEFAULT false,
        filtered integer NOT NULL DEFAULT 0,
        UNIQUE (run_id, seq)
      );
      CREATE INDEX attempts_by_cell_outcome ON attempts (run_id, technique_ref, chain_ref, category, persona, outcome, seq);
      CREATE INDEX attempts_errors ON attempts (run_id, error_kind, seq) WHERE error_kind IS NOT NULL;
      -- The event log: the type in a column, the rest as JSON text (jsonb would refuse the \\u0000 a reply may hold).
      CREATE TABLE events (
        attempt_id bigint NOT NULL REFERENCES attempts(id),
        idx integer NOT NULL,
        type text NOT NULL CHECK (type IN ('message', 'target-call', 'conversion', 'score', 'error', 'layer', 'ml')),
        body text NOT NULL,
        PRIMARY KEY (attempt_id, idx)
      );
      -- Each attempt's words (prompts and replies), folded and split by the writer: what the dashboard's search matches.
      CREATE TABLE attempt_search (
        attempt_id bigint PRIMARY KEY REFERENCES attempts(id),
        words tsvector NOT NULL
      );
      CREATE INDEX attempt_search_words ON attempt_search USING gin (words);
      CREATE TABLE reviews (
        attempt_id bigint PRIMARY KEY REFERENCES attempts(id),
        verdict text NOT NULL CHECK (verdict IN ('success', 'failure')),
        reviewer text,
        note text,
        reviewed_at bigint NOT NULL
      );
      CREATE TABLE review_labels (
        attempt_id bigint NOT NULL REFERENCES attempts(id),
        reviewer ${KEY} NOT NULL,
        verdict text NOT NULL CHECK (verdict IN ('success', 'failure')),
        note text,
        labeled_at bigint NOT NULL,
        PRIMARY KEY (attempt_id, reviewer)
      );
      CREATE TABLE review_samples (
        attempt_id bigint PRIMARY KEY REFERENCES attempts(id),
        run_id ${KEY} NOT NULL REFERENCES runs(id),
        stratum text NOT NULL CHECK (stratum IN ('success', 'failure')),
        position integer NOT NULL,
        seed bigint NOT NULL,
        drawn_at bigint NOT NULL,
        UNIQUE (run_id, position)
      );
      CREATE TABLE run_locks (
        run_id ${KEY} PRIMARY KEY REFERENCES runs(id),
        pid integer NOT NULL,
        host text NOT NULL,
        acquired_at bigint NOT NULL,
        heartbeat_at bigint NOT NULL
      );
      -- Counts kept as attempts and reviews are written (the attempt writer adds attempts; the trigger below moves
      -- reviewed ones), so a run's summaries read thousands of rows, not a million attempts.
      CREATE TABLE attempt_tallies (
        run_id ${KEY} NOT NULL REFERENCES runs(id),
        goal_ref bigint NOT NULL,
        technique_ref bigint NOT NULL,
        chain_ref bigint NOT NULL,
        scorer_ref bigint NOT NULL, -- 0: no deciding scorer (an error)
        category ${KEY} NOT NULL,
        persona ${KEY} NOT NULL,
        reached integer NOT NULL, -- -2: not a multi-turn attempt; -1: goal not reached; else the turn it was first reached at
        success bigint NOT NULL, failure bigint NOT NULL, error bigint NOT NULL, unscored bigint NOT NULL, reviewed bigint NOT NULL,
        machine_success bigint NOT NULL, machine_failure bigint NOT NULL, filtered bigint NOT NULL,
        prompt_tokens bigint NOT NULL, completion_tokens bigint NOT NULL, attacker_tokens bigint NOT NULL, estimated bigint NOT NULL,
        PRIMARY KEY (run_id, goal_ref, technique_ref, chain_ref, scorer_ref, category, persona, reached)
      );
      CREATE TABLE detector_tallies (
        run_id ${KEY} NOT NULL REFERENCES runs(id),
        scorer_id ${KEY} NOT NULL,
        persona ${KEY} NOT NULL,
        category ${KEY} NOT NULL,
        hit boolean NOT NULL, -- the scorer's final verdict on the reply was success
        deciding boolean NOT NULL, -- the scorer decided the attempt
        attempts bigint NOT NULL,
        PRIMARY KEY (run_id, scorer_id, persona, category, hit, deciding)
      );
      -- A review moves its attempt's count from the machine's outcome to the reviewer's verdict; clearing it moves it back.
      CREATE FUNCTION redline_reviews_tally() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN${moveTally({ row: 'OLD', from: 'OLD.verdict', to: 'a.outcome', reviewed: -1 })}
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN${moveTally({ row: 'NEW', from: 'a.outcome', to: 'NEW.verdict', reviewed: 1 })}
        END IF;
        RETURN NULL;
      END
      $fn$;
      CREATE TRIGGER reviews_tally AFTER INSERT OR UPDATE OR DELETE ON reviews FOR EACH ROW EXECUTE FUNCTION redline_reviews_tally();
    `,
  },
];
