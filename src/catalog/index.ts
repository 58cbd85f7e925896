/** The catalog: plain data tables about KMS keys, their consumers, actions, key specs and services. */
export * from './actions.js';
export * from './consumers.js';
export * from './key-specs.js';
export * from './keys.js';
export * from './services.js';
