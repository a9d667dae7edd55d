/** Parameters of a parameterized converter or technique, e.g. `{ shift: 5 }`; flat and JSON-safe. */
export type ComponentOptions = Readonly<Record<string, string | number | boolean>>;

/** The display id of a component with options: 'caesar' at its defaults, else 'caesar(shift=5)'. */
export function optionsId(id: string, options: ComponentOptions, defaults: ComponentOptions = {}): string {
  const changed = Object.keys(options)
    .filter((k) => options[k] !== defaults[k])
    .sort()
    .map((k) => `${k}=${String(options[k])}`);
  return changed.length === 0 ? id : `${id}(${changed.join(',')})`;
}
