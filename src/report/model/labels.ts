import { Dimension } from '../../plan/types';
import { Column } from './types';

/** A table column definition; `wrap` only when the column's text may run over several lines. */
export const col = (key: string, header: string, kind: Column['kind'], width = 1, wrap = false): Column =>
  wrap ? { key, header, kind, width, wrap } : { key, header, kind, width };

export const DIMENSION_LABEL: Record<Dimension, string> = {
  cpuMhz: 'CPU',
  memoryMib: 'Memory',
  storageGib: 'Storage',
  iops: 'IOPS',
  networkMbps: 'Network',
};

export const DIMENSION_ORDER: Dimension[] = ['cpuMhz', 'memoryMib', 'storageGib', 'iops', 'networkMbps'];

export const dimLabel = (d: Dimension | null | undefined): string => (d ? DIMENSION_LABEL[d] ?? d : 'none');

export const SEVERITY_ORDER = ['critical', 'warning', 'info'] as const;

/** Chart colours beside the accent colour, fixed so every render draws the same picture. */
export const PALETTE = ['#0f6e8c', '#e07b39', '#5b8c3a', '#8a5cb8', '#c94f5d', '#7a7a7a', '#d4a82a', '#2f9c95'];
