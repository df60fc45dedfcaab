import type { LearnerEvent } from './types';
import type { ProgressDb } from './db';

interface EventRow {
  id: number;
  at: string;
  kind: string;
  subject: string | null;
  data: string;
}

/** Appends to the learner's event log. Call inside the transaction of the change it records. */
export function appendEvent(db: ProgressDb, at: Date, kind: string, subject: string | null, data: Record<string, unknown> = {}): void {
  db.prepare('INSERT INTO events (at, kind, subject, data) VALUES (?, ?, ?, ?)').run(at.toISOString(), kind, subject, JSON.stringify(data));
}

export function recentEvents(db: ProgressDb, limit: number): LearnerEvent[] {
  const rows = db.prepare('SELECT id, at, kind, subject, data FROM events ORDER BY at DESC, id DESC LIMIT ?').all(limit) as EventRow[];
  return rows.map((row) => ({ ...row, data: JSON.parse(row.data) as Record<string, unknown> }));
}
