// Library entry: the pure core, usable without the CLI.
export * from './diagnostics';
export * from './inventory/schema';
export { VERSION } from './version';
