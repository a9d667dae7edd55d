import { basename, extname, resolve } from 'node:path';
import { ConfigError, TargetError } from '../../core/errors.js';
import type { Target } from '../../core/target.js';
import type { TargetContext } from '../context.js';
import { parseTargetOptions } from '../parse-target-options.js';
import { replayTargetOptions, type ReplayTargetInput } from './options.js';
import { readRecording, recordingFormats } from './read-recording.js';
import { createRecordingLookup } from './recording-lookup.js';

const excerptChars = 60;

/** Creates a target that answers from a recorded JSONL or CSV file, read eagerly; unknown prompts are errors. */
export function createReplayTarget(input: ReplayTargetInput, context: TargetContext): Target {
  const options = parseTargetOptions(replayTargetOptions, input, context);
  const file = resolve(context.baseDir, options.file);
  if (!(recordingFormats as readonly string[]).includes(extname(file).toLowerCase())) {
    throw new ConfigError(`target.file must end in ${recordingFormats.join(' or ')}: ${options.file}`, {
      file: context.configFile,
      path: 'target.file',
      hint: 'record one JSON object per line (.jsonl) or a CSV file with a header row (.csv)',
    });
  }
  const { promptField, responseField } = options;
  const lookup = createRecordingLookup(readRecording({ file, promptField, responseField }));
  const id = options.id ?? `replay:${basename(file)}`;
  return {
    id,
    capabilities: { multiTurn: false, systemPrompt: false, documents: false },
    simulated: false,
    send: async (request, signal) => {
      signal.throwIfAborted();
      const prompt = request.messages.filter((message) => message.role === 'user').at(-1)?.content ?? '';
      const text = lookup(prompt);
      if (text !== undefined) return { text };
      const excerpt = JSON.stringify(prompt.slice(0, excerptChars));
      throw new TargetError(`no recorded response for this prompt (first ${excerptChars} chars: ${excerpt})`, {
        targetId: id,
        kind: 'unknown-prompt',
        retryable: false,
      });
    },
  };
}
