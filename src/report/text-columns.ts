/** One table row: two left-aligned text columns, then right-aligned figures. */
export type TextRow = {
  /** The two text cells, e.g. technique and category. */
  readonly text: readonly [string, string];
  /** The figures, already formatted. */
  readonly figures: readonly string[];
};

/** How to lay out rows. */
export type ColumnOptions = {
  /** Total width to fit in; text columns are shortened with '…' to fit. */
  readonly width?: number;
  /** Text columns never shrink below this many characters. */
  readonly minText?: number;
};

const GAP = '  ';

/** Lays rows out in aligned columns (width counted in code points) and returns one string per row. */
export function layoutColumns(rows: readonly TextRow[], options: ColumnOptions = {}): string[] {
  const textWidths = [0, 1].map((i) => Math.max(0, ...rows.map((row) => length(row.text[i] ?? ''))));
  const figureCount = Math.max(0, ...rows.map((row) => row.figures.length));
  const figureWidths = Array.from({ length: figureCount }, (_, i) => Math.max(0, ...rows.map((row) => length(row.figures[i] ?? ''))));
  const fixed = figureWidths.reduce((sum, w) => sum + w + GAP.length, GAP.length);
  const minText = options.minText ?? 8;
  if (options.width !== undefined) {
    let [a = 0, b = 0] = textWidths;
    // Shrink the wider text column one character at a time until the row fits or both hit the floor.
    while (a + b + fixed > options.width && (a > minText || b > minText)) {
      if (a >= b && a > minText) a -= 1;
      else if (b > minText) b -= 1;
      else a -= 1;
    }
    textWidths.splice(0, 2, a, b);
  }
  return rows.map((row) => {
    const text = row.text.map((cell, i) => padEnd(truncate(cell, textWidths[i] ?? 0), textWidths[i] ?? 0));
    const figures = row.figures.map((cell, i) => padStart(cell, figureWidths[i] ?? 0));
    return [...text, ...figures].join(GAP).trimEnd();
  });
}

/** Shortens text to at most `max` code points, marking the cut with '…'. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return max <= 0 ? '' : `${chars.slice(0, max - 1).join('')}…`;
}

function length(text: string): number {
  return Array.from(text).length;
}

function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - length(text)));
}

function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - length(text))) + text;
}
