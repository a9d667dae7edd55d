/**
 * Lets a reader that stops early (`redline runs | head -1`) end the output quietly: once the pipe is closed, later
 * writes are dropped instead of crashing with EPIPE, and the command ends with its own exit code. Other stream
 * errors still surface as before.
 */
export function dropWritesToClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') return;
    throw error;
  });
}
