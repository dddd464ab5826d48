/**
 * The lines a piece of code writes to stdout while it runs (Powertools writes there through its own
 * console), kept from the terminal.
 */
export async function captureStdout(run: () => unknown): Promise<string[]> {
  const chunks: string[] = [];
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  }) as typeof process.stdout.write;
  try {
    await run();
  } finally {
    process.stdout.write = write;
  }
  return chunks
    .join('')
    .split('\n')
    .filter((line) => line !== '');
}
