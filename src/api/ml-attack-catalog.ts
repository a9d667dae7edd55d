import type { MlAttackInfo } from '../core/ml.js';
import { evasionAttacks } from '../ml/evasion-registry.js';
import { COPYCAT } from '../ml/extraction/copycat.js';
import { MEMBERSHIP_LABEL_ONLY, MEMBERSHIP_THRESHOLD } from '../ml/membership/membership-inference.js';

/** Every classic-ML attack, for `redline ml attacks`: what it needs, what it measures, where it comes from. */
export function mlAttackCatalog(): readonly (MlAttackInfo & { readonly kind: 'evasion' | 'extraction' | 'membership' })[] {
  const evasion = evasionAttacks.map(({ id, summary, access, modalities, norm, source, taxonomy }) => ({ id, summary, access, modalities, norm, source, taxonomy }));
  return [
    ...evasion.map((a) => ({ ...a, kind: 'evasion' as const })), { ...COPYCAT, kind: 'extraction' as const },
    { ...MEMBERSHIP_THRESHOLD, kind: 'membership' as const }, { ...MEMBERSHIP_LABEL_ONLY, kind: 'membership' as const },
  ];
}

