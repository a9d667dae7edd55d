/** A package ecosystem whose import statements we read. */
export type Ecosystem = 'npm' | 'pypi';

const NPM = [
  /\bimport\s+(?:[\w*{}\s,]+\s+from\s+)?['"]([^'"]+)['"]/g,
  /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\bnpm\s+(?:install|i|add)\s+((?:[@\w./-]+\s*)+)/g,
  /\b(?:yarn|pnpm)\s+add\s+((?:[@\w./-]+\s*)+)/g,
];
const PYPI = [
  /^\s*import\s+([\w.]+)/gm,
  /^\s*from\s+([\w.]+)\s+import\b/gm,
  /\bpip3?\s+install\s+((?:[\w.\-\[\]=<>]+\s*)+)/g,
];

/** The root package name of an import specifier ('@scope/pkg/sub' → '@scope/pkg', 'pkg/sub' → 'pkg', 'a.b' → 'a'). */
function root(name: string, ecosystem: Ecosystem): string | undefined {
  if (ecosystem === 'pypi') return name.split(/[.\[=<>]/)[0]?.toLowerCase().replace(/_/g, '-');
  if (name.startsWith('.') || name.startsWith('/') || name.startsWith('node:') || name.startsWith('-')) return undefined;
  const parts = name.split('/');
  return (name.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0])?.toLowerCase();
}

/** The distinct root names of the packages a reply's code imports or installs. */
export function packageNames(text: string, ecosystem: Ecosystem): string[] {
  const names = new Set<string>();
  for (const re of ecosystem === 'npm' ? NPM : PYPI) {
    for (const match of text.matchAll(re)) {
      for (const word of (match[1] ?? '').split(/\s+/)) {
        const name = word === '' ? undefined : root(word, ecosystem);
        if (name !== undefined && name !== '') names.add(name);
      }
    }
  }
  return [...names];
}
