/**
 * Settles `work` with `onStall()`'s error if the event loop runs dry while it is still pending. Some stream readers
 * (exceljs over a corrupt deflate member) swallow the error and simply stop: without this guard the process ran out
 * of things to do and exited 0 with nothing written and nothing said.
 */
export function untilStalled<T>(work: Promise<T>, onStall: () => Promise<Error>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const stalled = () => void onStall().then(reject, reject);
    process.once('beforeExit', stalled);
    work.then(
      (v) => {
        process.off('beforeExit', stalled);
        resolve(v);
      },
      (e: unknown) => {
        process.off('beforeExit', stalled);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
