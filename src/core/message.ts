/** Who spoke a turn of a conversation; `tool` carries a tool's result back to the model. */
export type Role = 'system' | 'user' | 'assistant' | 'tool';

/** Plain text. */
export type TextPart = {
  /** Discriminator. */
  readonly type: 'text';
  /** The text, exactly as sent or received. */
  readonly text: string;
};

/** A model asking to call a tool (OpenAI `tool_calls`, MCP `tools/call`). */
export type ToolCallPart = {
  /** Discriminator. */
  readonly type: 'tool-call';
  /** The call's id, which its result refers to. */
  readonly callId: string;
  /** The tool's name. */
  readonly name: string;
  /** The arguments exactly as the model wrote them (usually JSON text; kept verbatim even when malformed). */
  readonly arguments: string;
};

/** What a tool returned to the model. */
export type ToolResultPart = {
  /** Discriminator. */
  readonly type: 'tool-result';
  /** Id of the call this answers. */
  readonly callId: string;
  /** The tool's name, when known. */
  readonly name?: string;
  /** The result as text. */
  readonly text: string;
  /** True when the tool reported a failure. */
  readonly isError?: boolean;
};

/** A document the application ingests beside the conversation: a planted e-mail, web page or retrieved passage. */
export type DocumentPart = {
  /** Discriminator. */
  readonly type: 'document';
  /** The document's text. */
  readonly text: string;
  /** Where it was planted or what it stands for, e.g. 'email' or 'web-page', when known. */
  readonly name?: string;
  /**
   * How it reached the target: `attachment` (the target ingests documents itself, e.g. an http body's {{document}})
   * or `inline` (the target takes none, so it was pasted into the user turn after the text, as a user would).
   */
  readonly channel?: 'attachment' | 'inline';
};

/** One piece of a message's content (the Vercel AI SDK's part shapes): text, tool call, tool result or document. */
export type ContentPart = TextPart | ToolCallPart | ToolResultPart | DocumentPart;

/** One turn of a conversation, as a target sees it. */
export type Message = {
  /** Who spoke. */
  readonly role: Role;
  /** The turn's text (its text parts joined): what techniques write and text scorers read. */
  readonly content: string;
  /** The whole content, in order, when it holds more than text (tool calls, tool results, documents); absent for plain text. */
  readonly parts?: readonly ContentPart[];
};

/** A message's content as parts: its `parts`, or one text part holding `content` (none when it is empty). */
export function messageParts(message: Message): readonly ContentPart[] {
  if (message.parts !== undefined) return message.parts;
  return message.content === '' ? [] : [{ type: 'text', text: message.content }];
}

/** The text parts of a content list, joined: what a text reader sees of it. */
export function partsText(parts: readonly ContentPart[]): string {
  let text = '';
  for (const part of parts) if (part.type === 'text') text += part.text;
  return text;
}

/** A message from parts: `content` is their text, `parts` is kept only when it holds more than text. */
export function messageFromParts(role: Role, parts: readonly ContentPart[]): Message {
  const content = partsText(parts);
  return parts.some((p) => p.type !== 'text') ? { role, content, parts } : { role, content };
}
