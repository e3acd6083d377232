/**
 * A pure vector-packing instance: what the solvers (heuristics, local search, exact, bounds) see.
 * The planner turns inventory + policy + constraints into this; the VBP benchmark reads it from files.
 * Time-series packing (issue 6) needs no special type: each (dimension, slot) pair becomes one dimension.
 */
export interface PackItem {
  /** Caller's id (workload id, or the item index for benchmarks). */
  id: string;
  /** Demand per dimension, same units as the bin capacities. */
  size: number[];
  /** Bin types this item may go on (indices into binTypes); absent = any. */
  allowedBinTypes?: number[];
}

export interface BinType {
  id: string;
  capacity: number[];
  /** Objective weight of opening one bin of this type (cost, or 1 to minimise the count). */
  cost: number;
  /** Most bins of this type that may be opened; absent = unlimited. */
  maxCount?: number;
  /** Most items one bin may hold; absent = unlimited. */
  maxItems?: number;
}

export interface PackInstance {
  dims: string[];
  items: PackItem[];
  binTypes: BinType[];
  /** Pairs of item indices that must not share a bin (anti-affinity). Affinity groups are merged into one item before. */
  conflicts?: [number, number][];
}

export interface PackedBin {
  type: number;
  items: number[];
}

export interface PackSolution {
  /** Bin index (into bins) per item, -1 if the item could not be placed. */
  assignment: number[];
  bins: PackedBin[];
  /** Sum of the cost of the opened bins. */
  cost: number;
  algorithm: string;
  /** Work spent (iterations or nodes), the budget unit that keeps results machine-independent. */
  iterations: number;
}

export interface LowerBound {
  /** Lower bound on the objective (bins, or cost with several types). */
  value: number;
  method: string;
}
