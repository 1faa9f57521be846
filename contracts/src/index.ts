export * from './errors';
export * from './validation-messages';
export * from './permissions';
export * from './identifiers';
export * from './identity';
