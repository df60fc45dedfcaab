/**
 * A file-system failure said as a sentence about the path, for messages a learner reads:
 * Node's codes (ENOTDIR, EACCES, ...) mean nothing to someone who only wanted to open the app.
 */

const sentences: Record<string, (path: string) => string> = {
  ENOENT: (path) => `${path} does not exist.`,
  ENOTDIR: (path) => `${path} cannot be used: part of that path is a file, not a folder.`,
  EISDIR: (path) => `${path} is a folder, not a file.`,
  EACCES: (path) => `Backpressure is not allowed to use ${path}: the permissions of it or of a folder above it shut this user out.`,
  EPERM: (path) => `Backpressure is not allowed to use ${path}: the system refused the operation.`,
  EROFS: (path) => `${path} is on a read-only disk.`,
  ENOSPC: (path) => `The disk holding ${path} is full.`,
  EEXIST: (path) => `${path} cannot be used: part of that path is a file, not a folder.`,
  ENAMETOOLONG: (path) => `${path} is too long a path for this system.`,
  ELOOP: (path) => `${path} cannot be used: its symbolic links go round in a circle.`,
};

export function errorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** One sentence about what went wrong with the path; unknown failures keep the system's own words. */
export function explainFileError(err: unknown, path: string): string {
  const say = sentences[errorCode(err) ?? ''];
  if (say) return say(path);
  const detail = err instanceof Error ? err.message.replace(/^[A-Z]+: /, '') : String(err);
  return `${path} could not be used (${detail}).`;
}
