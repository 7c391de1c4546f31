/** Why a report or baseline file could not be used. */
export type SpeedupFileProblem =
  /** The file does not exist. */
  | 'not-found'
  /** The file exists but could not be read (a directory, no permission). */
  | 'unreadable'
  /** The file is empty or whitespace only. */
  | 'empty'
  /** The JSON ends before the document is complete. */
  | 'truncated'
  /** The text is not JSON. */
  | 'invalid-json'
  /** The JSON is some other kind of document (a report where a baseline file was expected, say). */
  | 'wrong-kind'
  /** `schemaVersion` is newer than this version of vitest-speedup understands. */
  | 'newer-schema'
  /** `schemaVersion` is missing, older than supported or not a version number. */
  | 'unsupported-schema'
  /** The document has the right kind and version, but fields are missing or malformed. */
  | 'invalid';

/**
 * A report or baseline file that cannot be used. The message names the file, says what is wrong
 * (for schema problems: every offending field and what was expected) and what to do about it.
 * Whatever raised it has not written anything: a file that failed to parse is never overwritten.
 *
 * @example
 * ```ts
 * try {
 *   await readReport('old.json');
 * } catch (error) {
 *   if (error instanceof SpeedupFileError && error.problem === 'not-found') ...
 * }
 * ```
 */
export class SpeedupFileError extends Error {
  override name = 'SpeedupFileError';
  /** The file as it was named by the caller. */
  readonly file: string;
  readonly problem: SpeedupFileProblem;
  /** For `invalid`: one line per offending field, `path: expected ..., received ...`. */
  readonly issues: readonly string[];

  constructor(file: string, problem: SpeedupFileProblem, message: string, issues: readonly string[] = []) {
    super(message);
    this.file = file;
    this.problem = problem;
    this.issues = issues;
  }
}
