/** One schema change: applied once, in version order, with its version bump in the same transaction. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
