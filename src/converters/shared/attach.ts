/** Where attached text goes and what joins it to the prompt. */
export type Attachment = {
  /** The text to attach; empty leaves the prompt unchanged. */
  readonly text: string;
  /** Put between the attached text and the prompt. */
  readonly separator: string;
  /** Before or after the prompt. */
  readonly at: 'start' | 'end';
};

/** Attaches fixed text before or after the prompt. */
export function attach(prompt: string, attachment: Attachment): string {
  if (attachment.text === '') return prompt;
  return attachment.at === 'start' ? `${attachment.text}${attachment.separator}${prompt}` : `${prompt}${attachment.separator}${attachment.text}`;
}
