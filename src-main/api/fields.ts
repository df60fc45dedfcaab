// Field schemas the contract and the content files share, each written once.
// A leaf module (zod only), so the lesson and scenario loaders can use them without reaching into the API.
import { z } from 'zod';

/** Lesson, scenario, widget and drill ids: they become file names and URL parts, so they stay plain. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** An id field whose messages say what kind of id was expected. */
export const idField = (what: string) =>
  z.string({ error: `expected ${what}` }).regex(ID_PATTERN, { error: `expected ${what} of lowercase letters, digits and dashes (at most 64)` });

/** Seeds are unsigned 32-bit, the range the simulator's random streams take. */
export const SEED_MAX = 2 ** 32 - 1;
export const seedField = z.number().int().min(0).max(SEED_MAX);

/** Names one widget instance or screen; a newer run with the same key supersedes the older. */
export const requestKeyField = z.string().min(1).max(200);
