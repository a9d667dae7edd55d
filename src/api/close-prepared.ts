import type { PreparedRun } from './prepare-run.js';

/** Releases the sockets of every target a run prepared (the target and the model roles). */
export async function closePrepared(prepared: PreparedRun | undefined): Promise<void> {
  await prepared?.target.close?.();
  await prepared?.translator?.close?.();
  await prepared?.judge?.close?.();
  await prepared?.attacker?.close?.();
}
