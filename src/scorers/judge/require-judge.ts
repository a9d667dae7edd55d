import { ConfigError } from '../../core/errors.js';
import type { JudgeModel } from './judge-model.js';

/** The judge model, or a ConfigError telling the user to configure one for `scorerId`. */
export function requireJudge(judge: JudgeModel | undefined, scorerId: string): JudgeModel {
  if (judge !== undefined) return judge;
  throw new ConfigError(`scorer '${scorerId}' needs a judge model, and none is configured`, {
    file: '<options>',
    path: 'models.judge',
    hint: 'add a `judge:` model under `models:` (same options as `target:`, e.g. type: openai with a capable model)',
  });
}
