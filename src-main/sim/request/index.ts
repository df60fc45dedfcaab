/** The request level from outside: run a compiled plan, get its RawRun (or how far it got before it was cancelled). */
export { runRequestLevel, type RequestLevelOutcome } from './loop';
export { tooManyInFlight } from './pools';
