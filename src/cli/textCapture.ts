/**
 * For tests that run a command in-process: a stdout.write that hands text chunks (the command's
 * output) to `onText` and passes everything else through. The test runner reports through the
 * same stdout in binary frames, which must not be captured or swallowed.
 */
export function textCapture(original: typeof process.stdout.write, onText: (s: string) => void): typeof process.stdout.write {
  return ((chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
    if (typeof chunk === 'string') {
      onText(chunk);
      return true;
    }
    return (original as (c: Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
  });
}
