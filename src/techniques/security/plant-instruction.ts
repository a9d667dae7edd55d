/** Inserts `instruction` as its own paragraph at the paragraph break nearest the middle of `body` (appended when there is none). */
export function plantInstruction(body: string, instruction: string): string {
  const paragraphs = body.trim().split(/\n\s*\n/);
  if (paragraphs.length < 2) {
    // One paragraph: split between sentences instead, so the instruction still sits inside the content.
    const sentences = body.trim().split(/(?<=[.!?])\s+/);
    if (sentences.length < 2) return `${body.trim()}\n\n${instruction}`;
    const at = Math.ceil(sentences.length / 2);
    return [sentences.slice(0, at).join(' '), instruction, sentences.slice(at).join(' ')].join('\n\n');
  }
  const at = Math.ceil(paragraphs.length / 2);
  return [...paragraphs.slice(0, at), instruction, ...paragraphs.slice(at)].join('\n\n');
}
