/** A seeded 32-bit hash (murmur3's finaliser) for placing keys and nodes. */
export function hash32(value: number, salt: number): number {
  let h = (Math.imul(value | 0, 0x9e3779b1) ^ salt) | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
