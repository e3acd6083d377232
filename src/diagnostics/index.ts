export * from './problem';
export * from './render';
