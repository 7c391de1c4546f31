import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { describeValue, isObject } from './check.ts';
import type { JsonObject } from './check.ts';
import { SpeedupFileError } from './errors.ts';

/** What kind of versioned document a file should hold, and what to tell the user when it does not. */
export interface DocumentKind {
  /** The `kind` field's value, e.g. `vitest-speedup-report`. */
  readonly kind: string;
  /** How messages name it: `report`, `baseline file`. */
  readonly label: string;
  /** The one schema version this code reads and writes. */
  readonly schemaVersion: number;
  /** What to do when the file is corrupt or invalid, as a sentence. */
  readonly remedy: string;
  /** What else to do (besides upgrading) when the file is newer, e.g. `re-record with VITEST_SPEEDUP_UPDATE=1`. */
  readonly newerRemedy: string;
}

/** How messages describe the documents vitest-speedup writes, by their `kind`. */
const KNOWN_KINDS: Readonly<Record<string, string>> = {
  'vitest-speedup-report': 'a vitest-speedup report',
  'vitest-speedup-baselines': 'a vitest-speedup baseline file',
};

/**
 * Reads and parses a JSON file. Throws {@link SpeedupFileError} naming the file for a missing,
 * unreadable, empty, truncated or non-JSON file; `remedy` is appended to the message.
 */
export async function readJsonFile(file: string, label: string, remedy: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new SpeedupFileError(file, 'not-found', `${file}: no such file (expected a ${label}). ${remedy}`);
    throw new SpeedupFileError(file, 'unreadable', `${file}: cannot read the ${label} (${code ?? (error as Error).message}). ${remedy}`);
  }
  return parseJsonText(text, file, remedy);
}

/** Parses JSON text from `file` with the same errors as {@link readJsonFile}. */
export function parseJsonText(text: string, file: string, remedy: string): unknown {
  if (text.trim() === '') {
    throw new SpeedupFileError(file, 'empty', `${file}: the file is empty (an interrupted write?). ${remedy}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = (error as Error).message.replace(/\s+/g, ' ');
    const position = /position (\d+)/.exec(reason)?.[1];
    const end = text.trimEnd().length;
    if (/end of JSON input/i.test(reason) || (position !== undefined && Number(position) >= end)) {
      throw new SpeedupFileError(
        file,
        'truncated',
        `${file}: the JSON ends early, after ${end} characters: the file is truncated (an interrupted write or a partial copy). ${remedy}`,
      );
    }
    throw new SpeedupFileError(file, 'invalid-json', `${file}: not valid JSON (${reason}). ${remedy}`);
  }
}

/**
 * Checks `kind` and `schemaVersion` of a parsed document before its body is validated, so that
 * a file from a newer vitest-speedup or of another kind gets one clear sentence rather than a
 * list of field errors. Returns the document as an object.
 */
export function checkEnvelope(value: unknown, file: string, expected: DocumentKind): JsonObject {
  const notThis = `${file}: not a vitest-speedup ${expected.label}`;
  if (!isObject(value)) {
    throw new SpeedupFileError(file, 'wrong-kind', `${notThis}: expected a JSON object, received ${describeValue(value)}. ${expected.remedy}`);
  }
  const kind = value.kind;
  if (kind !== expected.kind) {
    const known = typeof kind === 'string' ? KNOWN_KINDS[kind] : undefined;
    const what =
      known !== undefined
        ? `${file}: this is ${known}, not a ${expected.label}.`
        : kind === undefined
          ? `${notThis} (it has no "kind": "${expected.kind}" field).`
          : `${notThis} ("kind" is ${describeValue(kind)}, expected "${expected.kind}").`;
    throw new SpeedupFileError(file, 'wrong-kind', `${what} Check the file name.`);
  }
  const version = value.schemaVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > expected.schemaVersion) {
    throw new SpeedupFileError(
      file,
      'newer-schema',
      `${file}: schemaVersion ${version} is newer than this vitest-speedup understands (${expected.schemaVersion}); upgrade vitest-speedup or ${expected.newerRemedy}`,
    );
  }
  if (version !== expected.schemaVersion) {
    throw new SpeedupFileError(
      file,
      'unsupported-schema',
      `${file}: schemaVersion ${describeValue(version)} is not supported (this vitest-speedup reads version ${expected.schemaVersion}). ${expected.remedy}`,
    );
  }
  return value;
}

/** Throws the `invalid` {@link SpeedupFileError} listing every issue, if there are any. */
export function throwIfInvalid(issues: readonly string[], file: string, expected: DocumentKind): void {
  if (issues.length === 0) return;
  const shown = issues.slice(0, MAX_LISTED);
  const more = issues.length - shown.length;
  const lines = [
    `${file}: not a valid ${expected.label} (${issues.length} problem${issues.length === 1 ? '' : 's'}):`,
    ...shown.map((issue) => `  - ${issue}`),
    ...(more > 0 ? [`  - ... and ${more} more`] : []),
    expected.remedy,
  ];
  throw new SpeedupFileError(file, 'invalid', lines.join('\n'), issues);
}

const MAX_LISTED = 12;

/**
 * Writes a file atomically: the data goes to a temporary file in the same directory, which is
 * flushed and then renamed over the target. A crash or a concurrent reader sees the old file or
 * the new one, never half of one. Creates missing parent directories.
 */
export async function writeFileAtomic(file: string, data: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
