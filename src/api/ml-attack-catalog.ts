import type { MlAttackInfo } from '../core/ml.js';
import { evasionAttacks } from '../ml/evasion-registry.js';

/** Every classic-ML attack, for `redline ml attacks`: what it needs, what it measures, where it comes from. */
export function mlAttackCatalog(): readonly MlAttackInfo[] {
  return evasionAttacks.map(({ id, summary, access, modalities, norm, source, taxonomy }) => ({ id, summary, access, modalities, norm, source, taxonomy }));
}

