/**
 * Whose file this is, decided from what SQLite can read without writing: our application id,
 * or (for files made before we stamped one) our tables and a schema version.
 */
import type Database from 'better-sqlite3';

/** "BkPr" in ASCII: SQLite keeps it in the file header, where tools such as `file` can read it. */
export const backpressureApplicationId = 0x426b_5072;

export type FileIdentity =
  | { kind: 'new' }
  | { kind: 'ours'; stamped: boolean }
  | { kind: 'foreign'; applicationId: number; tables: string[] };

export function identifyFile(db: Database.Database): FileIdentity {
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  if (applicationId === backpressureApplicationId) return { kind: 'ours', stamped: true };
  if (applicationId !== 0) return { kind: 'foreign', applicationId, tables };
  const objects = db.prepare('SELECT count(*) FROM sqlite_master').pluck().get() as number;
  if (objects === 0 && version === 0) return { kind: 'new' };
  // Before the application id, every Backpressure file had these two tables from its first migration.
  if (version >= 1 && tables.includes('lesson_progress') && tables.includes('events')) return { kind: 'ours', stamped: false };
  return { kind: 'foreign', applicationId, tables };
}
