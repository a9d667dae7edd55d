import { escapeHtml } from './escape-html.js';

/** Markup built by the `html` tag: the only kind of value inserted into a report without escaping. */
export class SafeHtml {
  /** The markup. */
  readonly markup: string;

  constructor(markup: string) {
    this.markup = markup;
  }

  /** The markup, so a SafeHtml can stand where a string is wanted. */
  toString(): string {
    return this.markup;
  }
}

/** A value the `html` tag accepts: text is escaped, SafeHtml is kept, lists are joined, null/undefined/false vanish. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

/** Tagged template that escapes every interpolated value unless it is SafeHtml built by this same tag. */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let markup = strings[0] ?? '';
  values.forEach((value, i) => {
    markup += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(markup);
}

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.markup;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}
