import type { JsonValue } from './body-template.js';

/** How the rendered body template goes on the wire: JSON text, or an HTML form (application/x-www-form-urlencoded). */
export type BodyFormat = 'json' | 'form';

/** The content type each body format is sent with, unless the headers set their own. */
export const bodyContentType: Readonly<Record<BodyFormat, string>> = {
  json: 'application/json',
  form: 'application/x-www-form-urlencoded',
};

/** A form field or query parameter value: text as is, null as empty, anything else (e.g. `{{messages}}`) as JSON. */
export function fieldText(value: JsonValue): string {
  if (typeof value === 'string') return value;
  return value === null ? '' : JSON.stringify(value);
}

/** The request body for a rendered template: JSON text, or `key=value&…` with each value percent-encoded. */
export function encodeBody(rendered: JsonValue, format: BodyFormat): string {
  if (format === 'json') return JSON.stringify(rendered);
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(rendered as Record<string, JsonValue>)) form.append(name, fieldText(value));
  return form.toString();
}

/** `url` with the rendered query parameters added (after any it already has), each value percent-encoded. */
export function withQuery(url: URL, rendered: Readonly<Record<string, JsonValue>> | undefined): URL {
  if (rendered === undefined) return url;
  const filled = new URL(url);
  for (const [name, value] of Object.entries(rendered)) filled.searchParams.append(name, fieldText(value));
  return filled;
}
