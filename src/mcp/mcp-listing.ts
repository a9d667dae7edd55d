// What an MCP server advertises, as plain data: the audit reads these shapes and never the SDK's own types.

/** A tool as `tools/list` advertises it: the fields a client shows to its model. */
export type McpTool = {
  /** The tool's name, unique on its server. */
  readonly name: string;
  /** A display title, when the server gives one. */
  readonly title?: string;
  /** The description the model reads to decide when and how to call the tool. */
  readonly description?: string;
  /** The JSON Schema of the tool's arguments. */
  readonly inputSchema: Readonly<Record<string, unknown>>;
};

/** One argument of a prompt template. */
export type McpPromptArgument = {
  /** The argument's name. */
  readonly name: string;
  /** What the argument is for. */
  readonly description?: string;
  /** True when the argument must be given. */
  readonly required?: boolean;
};

/** A prompt template as `prompts/list` advertises it. */
export type McpPrompt = {
  /** The prompt's name, unique on its server. */
  readonly name: string;
  /** A display title, when the server gives one. */
  readonly title?: string;
  /** What the prompt is for. */
  readonly description?: string;
  /** Its arguments. */
  readonly arguments?: readonly McpPromptArgument[];
};

/** A resource as `resources/list` advertises it. */
export type McpResource = {
  /** The resource's URI, unique on its server. */
  readonly uri: string;
  /** Its name. */
  readonly name: string;
  /** A display title, when the server gives one. */
  readonly title?: string;
  /** What the resource holds. */
  readonly description?: string;
  /** Its MIME type, when the server says. */
  readonly mimeType?: string;
};

/** Everything one server advertised at scan time. */
export type McpListing = {
  /** Every tool, over all pages of `tools/list`. */
  readonly tools: readonly McpTool[];
  /** Every prompt (none when the server offers no prompts). */
  readonly prompts: readonly McpPrompt[];
  /** Every resource (none when the server offers no resources). */
  readonly resources: readonly McpResource[];
  /** The server's `instructions` from its initialize answer, which many clients add to the model's context. */
  readonly instructions?: string;
};
