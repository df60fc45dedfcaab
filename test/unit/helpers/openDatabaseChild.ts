// Child process for the startup tests: opens a progress database as whichever user
// runs it and says on stdout, as JSON, whether it opened and what the learner was told.
import { openDatabase } from '../../../src-main/progress/db';

const file = process.argv[2];
if (!file) throw new Error('usage: openDatabaseChild <db file>');
try {
  openDatabase(file).close();
  console.log(JSON.stringify({ ok: true }));
} catch (err) {
  const { message, reason } = err as Error & { reason?: string };
  console.log(JSON.stringify({ ok: false, message, reason: reason ?? null }));
}
