import { parentPort, workerData } from 'worker_threads';
import { UserError } from '../diagnostics';
import { AssessmentConfig } from '../config';
import { Inventory } from '../inventory/schema';
import { planConsolidation } from '../plan/planner';

/**
 * Worker thread of `plan-parallel.ts`: holds one copy of the inventory and plans the scenarios it is sent, one at a time.
 * The planner is deterministic, so a plan made here is the same as one made on the main thread.
 */
export interface PlanRequest {
  index: number;
  config: AssessmentConfig;
}
export type PlanReply =
  | { index: number; plan: unknown }
  | { index: number; userError: { message: string; problems: UserError['problems'] } }
  | { index: number; bug: { message: string; stack?: string } };

if (parentPort) {
  const port = parentPort;
  const inventory = (workerData as { inventory: Inventory }).inventory;
  port.on('message', (req: PlanRequest) => {
    planConsolidation(inventory, req.config).then(
      (plan) => port.postMessage({ index: req.index, plan } satisfies PlanReply),
      (e: unknown) => {
        if (e instanceof UserError) port.postMessage({ index: req.index, userError: { message: e.message, problems: e.problems } } satisfies PlanReply);
        else {
          const err = e instanceof Error ? e : new Error(String(e));
          port.postMessage({ index: req.index, bug: { message: err.message, stack: err.stack } } satisfies PlanReply);
        }
      },
    );
  });
}
