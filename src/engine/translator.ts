import type { HelperModel, HelperReply } from './helper-model.js';

/** The result of a translation: the text, the error that ended the tries, or a stopped run. */
export type Translation = HelperReply;

/** A target used in the role of translator, for low-resource-language attacks. */
export type Translator = {
  /** Id of the translating target. */
  readonly id: string;
  /** Translates `text` into `language`; successful translations are cached for the run. */
  translate(text: string, language: string): Promise<Translation>;
};

/** Our instruction to the translating model: the translation and nothing else. */
export function translationPrompt(text: string, language: string): string {
  return `Translate the text between the lines into ${language}. Reply with the translation only: no notes, no quotes, no explanation.\n-----\n${text}\n-----`;
}

/** Wraps a helper model as a translator; the cache lives as long as the run. */
export function createTranslator(model: HelperModel): Translator {
  const cache = new Map<string, Promise<Translation>>();
  return {
    id: model.id,
    translate(text, language) {
      const key = `${language}\u0000${text}`;
      const cached = cache.get(key);
      if (cached) return cached;
      const pending = model.ask([{ role: 'user', content: translationPrompt(text, language) }]).then((r): Translation => (r.ok ? { ok: true, text: r.text.trim() } : r));
      cache.set(key, pending);
      // Only successes are kept: a failed translation is tried again by the next attempt that needs it.
      void pending.then((t) => {
        if (!t.ok) cache.delete(key);
      });
      return pending;
    },
  };
}
