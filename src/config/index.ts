/** The assessment config: schema, loader, defaults. */
export * from './schema';
export * from './defaults';
export * from './load';
