/** What a target's configuration reveals about its secrets, filling scorer options the user left out. */
export type KnownSecrets = {
  /** Canaries the target plants (the canary scorer's default). */
  readonly canaries: readonly string[];
  /** The target's system prompt, when known (the prompt-leak scorer's default). */
  readonly systemPrompt?: string;
};
