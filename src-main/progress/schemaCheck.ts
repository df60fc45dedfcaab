/**
 * The tables and columns a file's user_version promises, checked before the file is trusted:
 * a file edited by hand or copied in part would otherwise start and then fail on every call.
 */
import Database from 'better-sqlite3';
import type { Migration } from './migrations/index';

type Shape = Map<string, string[]>;

function shapeOf(db: Database.Database): Shape {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  return new Map(tables.map((t) => [t, db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(t) as string[]]));
}

/** The shape the migrations up to `version` build, made in memory so it can never drift from them. */
function expectedShape(migrations: Migration[], version: number, nativeBinding?: string): Shape {
  const scratch = new Database(':memory:', nativeBinding ? { nativeBinding } : {});
  try {
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) if (m.version <= version) scratch.exec(m.sql);
    return shapeOf(scratch);
  } finally {
    scratch.close();
  }
}

/** What the file lacks for its version, as "table attempts" and "column lesson_progress.end_reached". */
export function missingSchema(db: Database.Database, migrations: Migration[], version: number, nativeBinding?: string): string[] {
  const have = shapeOf(db);
  const missing: string[] = [];
  for (const [table, columns] of expectedShape(migrations, version, nativeBinding)) {
    const found = have.get(table);
    if (!found) {
      missing.push(`table ${table}`);
      continue;
    }
    for (const column of columns) if (!found.includes(column)) missing.push(`column ${table}.${column}`);
  }
  return missing;
}
