/**
 * HiGHS (WebAssembly) loaded once per process: compiling the wasm is the slow part, solving is synchronous after that.
 */
import type { Highs } from 'highs';

let loading: Promise<Highs> | null = null;

export function loadHighs(): Promise<Highs> {
  if (!loading) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use: compiling the wasm is slow and most commands never solve a MIP
    const loader = require('highs') as (opts?: unknown) => Promise<Highs>;
    loading = loader();
  }
  return loading;
}
