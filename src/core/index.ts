// Public surface of the core, for the CLI, the Node driver and the extension.
export * from './types';
export * from './version';
export { analyze } from './analyze';
export { articleStats } from './text/stats';
