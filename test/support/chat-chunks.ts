/** The chunks a Chat Completions server streams for `text`: the role, the text in pieces, the finish, usage, [DONE]. */
export function chatChunks(text: string): string[] {
  const chunk = (choices: unknown[], extra: object = {}) => JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 0, model: 'm', choices, ...extra });
  const pieces = text.match(/.{1,5}/gs) ?? [];
  return [
    chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]),
    ...pieces.map((piece) => chunk([{ index: 0, delta: { content: piece }, finish_reason: null }])),
    chunk([{ index: 0, delta: {}, finish_reason: 'stop' }]),
    chunk([], { usage: { prompt_tokens: 9, completion_tokens: pieces.length, total_tokens: 9 + pieces.length } }),
    '[DONE]',
  ];
}
