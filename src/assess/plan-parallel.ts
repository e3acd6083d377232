import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { UserError } from '../diagnostics';
import { AssessmentConfig } from '../config';
import { Inventory } from '../inventory/schema';
import { Plan } from '../plan/types';
import type { PlanReply } from './plan-worker';

/**
 * Plans several scenarios at once on worker threads (one per spare core, at most one per scenario): what-ifs are
 * independent, and a consultant comparing them in a meeting should not wait for them one by one. Each plan is
 * deterministic, so the order of completion changes nothing; results come back in scenario order.
 * Returns null when threads would not help (one scenario, one core) or cannot run (source not compiled, e.g. under
 * ts-jest): the caller then plans sequentially.
 */
export async function planInWorkers(
  inventory: Inventory,
  configs: AssessmentConfig[],
  onEach: (index: number, done: number) => void,
): Promise<Plan[] | null> {
  const script = path.join(__dirname, 'plan-worker.js');
  const threads = Math.min(configs.length, Math.max(1, os.availableParallelism?.() ?? os.cpus().length));
  if (configs.length < 2 || threads < 2 || !fs.existsSync(script) || process.env.DCPLAN_PLAN_THREADS === '1') return null;

  const results = new Array<Plan | undefined>(configs.length);
  const workers = Array.from({ length: threads }, () => new Worker(script, { workerData: { inventory } }));
  let next = 0;
  let done = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const feed = (w: Worker) => {
        if (next < configs.length) {
          w.postMessage({ index: next, config: configs[next] });
          next++;
        }
      };
      for (const w of workers) {
        w.on('message', (m: PlanReply) => {
          if ('plan' in m) {
            results[m.index] = m.plan as Plan;
            onEach(m.index, ++done);
            if (done === configs.length) resolve();
            else feed(w);
          } else if ('userError' in m) reject(new UserError(m.userError.problems));
          else {
            const e = new Error(m.bug.message);
            if (m.bug.stack) e.stack = m.bug.stack;
            reject(e);
          }
        });
        w.on('error', reject);
        w.on('exit', (code) => {
          if (done < configs.length && code !== 0) reject(new Error(`planning thread stopped with exit code ${code}`));
        });
        feed(w);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results as Plan[];
}
