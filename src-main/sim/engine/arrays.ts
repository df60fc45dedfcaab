/**
 * Plain arrays of numbers for the simulator's hot state, in place of typed
 * arrays. Once any ArrayBuffer in the process has been detached (tsx's
 * loader does it, so do transfers between threads), V8 checks for detachment
 * on every typed-array access; plain packed arrays have no such check.
 *
 * Arrays of doubles are made to hold doubles from the start (a first 0.5
 * turns them into packed doubles), so whole numbers stored later stay
 * unboxed and a load site sees one kind of array, whatever the model.
 */

/** n doubles, all `value`. */
export function doubles(n: number, value = 0): number[] {
  const a: number[] = [];
  for (let i = 0; i < n; i++) a.push(0.5);
  for (let i = 0; i < n; i++) a[i] = value;
  return a;
}

/** n small integers, all `value`. */
export function integers(n: number, value = 0): number[] {
  const a: number[] = [];
  for (let i = 0; i < n; i++) a.push(value);
  return a;
}

/** Doubles from a list. */
export function doublesFrom<T>(items: readonly T[], f: (item: T, index: number) => number): number[] {
  const a = doubles(items.length);
  for (let i = 0; i < items.length; i++) a[i] = f(items[i]!, i);
  return a;
}

/** Small integers from a list. */
export function integersFrom<T>(items: readonly T[], f: (item: T, index: number) => number): number[] {
  const a = integers(items.length);
  for (let i = 0; i < items.length; i++) a[i] = f(items[i]!, i);
  return a;
}

/** Lengthens an array of doubles to n with zeros, in place (returns it). */
export function grownDoubles(a: number[], n: number): number[] {
  const old = a.length;
  for (let i = old; i < n; i++) a.push(0.5);
  for (let i = old; i < n; i++) a[i] = 0;
  return a;
}

/** Lengthens an array of small integers to n with zeros, in place (returns it). */
export function grownIntegers(a: number[], n: number): number[] {
  for (let i = a.length; i < n; i++) a.push(0);
  return a;
}
