/** The simulator's public API. Pure: no I/O, no clock, no Math.random. */
export { parseModel, validateModel } from './parse';
export { ModelError } from './errors';
export { checkModelShape } from './modelSize';
export { modelSchema } from './schema';
export { simulate, defaultLevel, expectedRequests } from './simulate';
export { grade } from './grade';
export { monthlyCost } from './cost';
export { KIND_DEFAULTS, SPECIFIC_DEFAULTS, COMPONENT_KINDS } from './defaults';
export { LIMITS } from './fields';
export type * from './types';
