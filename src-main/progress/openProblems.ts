/**
 * Why the progress database could not be opened, said for the learner: what is wrong with which
 * file, that it was left as it was, and what to do. Startup shows these messages as they are.
 */
import { dirname } from 'node:path';
import { errorCode, explainFileError } from '../fsErrors';

export type DatabaseProblem = 'damaged' | 'foreign' | 'newer' | 'incomplete' | 'read-only' | 'unusable-path' | 'in-use' | 'disk-full' | 'failed';

/** Opening failed for a reason the learner can act on; the file was left as it was. */
export class DatabaseOpenError extends Error {
  constructor(
    readonly file: string,
    readonly reason: DatabaseProblem,
    message: string,
  ) {
    super(message);
    this.name = 'DatabaseOpenError';
  }
}

const elsewhere = 'or choose another file with the BACKPRESSURE_DB environment variable';
const startAfresh = `move it aside (${elsewhere}) and Backpressure will start a new progress database.`;

export const refuse = {
  foreign: (file: string) =>
    new DatabaseOpenError(
      file,
      'foreign',
      `${file} is not a Backpressure progress database: it belongs to another program or holds other data. ` +
        `Backpressure has not changed it. To start afresh, ${startAfresh}`,
    ),
  newer: (file: string, version: number, latest: number) =>
    new DatabaseOpenError(
      file,
      'newer',
      `The progress database ${file} was made by a newer version of Backpressure (schema ${version}; this version knows up to ${latest}). ` +
        'It has been left untouched: update Backpressure to open it.',
    ),
  incomplete: (file: string, version: number, missing: string[]) =>
    new DatabaseOpenError(
      file,
      'incomplete',
      `The progress database ${file} says it is at schema ${version}, but it is missing ${missing.join(', ')}. ` +
        `It may have been edited by hand or copied only in part. It has been left untouched: restore it from a backup, or ${startAfresh}`,
    ),
  readOnlyFile: (file: string) =>
    new DatabaseOpenError(
      file,
      'read-only',
      `Backpressure cannot save your progress in ${file}: the file is read-only for this user. ` +
        `Make it writable, ${elsewhere}, then start Backpressure again. Nothing in it has been changed.`,
    ),
  readOnlyFolder: (file: string) =>
    new DatabaseOpenError(
      file,
      'read-only',
      `Backpressure cannot save your progress in ${file}: the folder ${dirname(file)} is read-only for this user, ` +
        `and SQLite needs to create its journal files beside the database. Make the folder writable, ${elsewhere}, then start Backpressure again.`,
    ),
};

/** A failure while opening, classified by its code, with the file named. */
export function describeOpenFailure(file: string, existed: boolean, err: unknown): DatabaseOpenError {
  if (err instanceof DatabaseOpenError) return err;
  const code = errorCode(err) ?? '';
  const said = err instanceof Error ? err.message : String(err);
  if (code.startsWith('SQLITE_READONLY')) return refuse.readOnlyFile(file);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new DatabaseOpenError(file, 'in-use', `The progress database ${file} is locked by another program, or by another Backpressure still running. Close it and start Backpressure again.`);
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return new DatabaseOpenError(file, 'disk-full', `The disk holding the progress database ${file} is full. Free some space and start Backpressure again.`);
  }
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT') || (existed && code === 'SQLITE_ERROR' && /malformed|integrity/.test(said))) {
    return new DatabaseOpenError(
      file,
      'damaged',
      `The progress database ${file} is damaged, or is not a database at all (SQLite says: ${said}). It has been left untouched so nothing more is lost. To start afresh, ${startAfresh}`,
    );
  }
  if (code && !code.startsWith('SQLITE')) {
    return new DatabaseOpenError(file, 'unusable-path', `Backpressure cannot open its progress database. ${explainFileError(err, file)} Fix the path, ${elsewhere}.`);
  }
  const what = existed ? 'could not be opened' : 'could not be created';
  return new DatabaseOpenError(file, 'failed', `The progress database ${file} ${what} (SQLite says: ${said}). It has been left as it was. If it keeps failing, ${startAfresh}`);
}
