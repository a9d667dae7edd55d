import { createInterface } from 'node:readline';

/** Answers read one at a time: a key pressed in a terminal, or a line of piped input. */
export type KeyReader = {
  /** The next answer, lower-cased (its first character); undefined at the end of piped input. Ctrl-C reads as 'q'. */
  next(): Promise<string | undefined>;
  /** Gives the terminal back. */
  close(): void;
};

/**
 * Reads single-key answers: in a terminal, each key press without Enter (raw mode); from a pipe or file, the first
 * character of each line, so a script can feed `y\nn\ns\n`.
 */
export function keyReader(input: NodeJS.ReadStream): KeyReader {
  if (input.isTTY === true) {
    input.setRawMode(true);
    input.resume();
    return {
      next: () => new Promise((resolve) => {
        input.once('data', (data: Buffer) => {
          const key = data.toString('utf8');
          resolve(key === '\u0003' || key === '\u0004' ? 'q' : key.slice(0, 1).toLowerCase());
        });
      }),
      close: () => {
        input.setRawMode(false);
        input.pause();
      },
    };
  }
  const lines = createInterface({ input, crlfDelay: Infinity })[Symbol.asyncIterator]();
  return {
    next: async () => {
      const line = await lines.next();
      return line.done === true ? undefined : line.value.trim().slice(0, 1).toLowerCase();
    },
    close: () => {
      void lines.return?.();
    },
  };
}
