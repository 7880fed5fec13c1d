// Every command id the extension contributes, in one place: package.json and the handlers
// must agree with this list (an integration test checks both directions).
export const CommandId = {
  ShowStatistics: 'newsLens.showStatistics',
  OpenSamples: 'newsLens.openSamples',
} as const;

export type CommandId = (typeof CommandId)[keyof typeof CommandId];
