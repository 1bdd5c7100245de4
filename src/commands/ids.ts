/**
 * Every command id the extension contributes, in one typed table. A unit test
 * checks that this table and `contributes.commands` in package.json agree both ways.
 */
export const COMMAND_IDS = {
  computeSvd: 'linalgLens.computeSvd',
} as const;

export type CommandKey = keyof typeof COMMAND_IDS;
export type CommandId = (typeof COMMAND_IDS)[CommandKey];

/** Setting keys under the `linalgLens.` section, with their defaults (mirrors package.json). */
export const SETTINGS = {
  maxEntries: { key: 'maxEntries', default: 250_000 },
  displayDigits: { key: 'displayDigits', default: 4 },
} as const;
