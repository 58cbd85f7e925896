/** The diff stage: base vs head inventories and findings. Pure: plain data in, plain data out. */
export { diffFindings, type FindingsDiffOptions } from './findings.js';
export { type Move, movesOf, renamer } from './identity.js';
export { type DiffSide, diffInventories, viaText } from './inventory.js';
export type * from './types.js';
