// Public surface of the annotation core.
export * from './model';
export * from './sidecar';
export * from './anchoring';
export * from './create';
export * from './merge';
export * from './refresh';
export { compareAnnotations, sortAnnotations } from './order';
export * from './lexicon';
export * from './conflicts';
