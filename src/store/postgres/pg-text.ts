/** PostgreSQL text cannot hold U+0000: in plain columns (not JSON bodies, which escape it) it becomes U+FFFD. */
export function pgText(value: string): string;
export function pgText(value: string | undefined | null): string | null;
export function pgText(value: string | undefined | null): string | null {
  return value === undefined || value === null ? null : value.includes('\u0000') ? value.replaceAll('\u0000', '\uFFFD') : value;
}
