import { readFile } from 'node:fs/promises';
import { isObject, Issues, keyPath } from '../report/check.ts';
import { checkEnvelope, parseJsonText, throwIfInvalid, writeFileAtomic } from '../report/files.ts';
import type { DocumentKind } from '../report/files.ts';
import { SpeedupFileError } from '../report/errors.ts';
import { checkInterval } from '../report/validate.ts';
import { checkTestbed } from './testbed.ts';
import type { Testbed } from './testbed.ts';

/** The schema version of baseline files that this version of vitest-speedup reads and writes. */
export const BASELINE_SCHEMA_VERSION = 1;

/** The `kind` field of every baseline file. */
export const BASELINE_KIND = 'vitest-speedup-baselines';

/** One stored speedup: the estimate and interval measured when it was recorded. */
export interface BaselineRecord {
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
  readonly level: number;
  /** ISO timestamp of the recording. */
  readonly recordedAt: string;
}

/**
 * A baseline file: stored speedups per testbed id, per group key (a spec or bench name), per
 * entry (strategy) name. Speedups are only compared with those of the same testbed.
 */
export interface BaselineFile {
  readonly schemaVersion: typeof BASELINE_SCHEMA_VERSION;
  readonly kind: typeof BASELINE_KIND;
  /** The fingerprint of every testbed that has baselines, by id. */
  readonly testbeds: Readonly<Record<string, Testbed>>;
  readonly baselines: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, BaselineRecord>>>>>>;
}

/** How baseline files are described in errors. */
export const BASELINE_DOCUMENT: DocumentKind = {
  kind: BASELINE_KIND,
  label: 'baseline file',
  schemaVersion: BASELINE_SCHEMA_VERSION,
  remedy: 'Nothing was written. Fix it, restore it from version control, or delete it and re-record with VITEST_SPEEDUP_UPDATE=1.',
  newerRemedy: 're-record with VITEST_SPEEDUP_UPDATE=1',
};

/** A baseline file with no testbeds. */
export function emptyBaselineFile(): BaselineFile {
  return { schemaVersion: BASELINE_SCHEMA_VERSION, kind: BASELINE_KIND, testbeds: {}, baselines: {} };
}

/**
 * Checks that a parsed value is a baseline file of schema version 1 and returns it typed. Lists
 * every malformed field, and baselines filed under a testbed id that `testbeds` does not describe
 * (an unknown testbed).
 *
 * @throws SpeedupFileError (`wrong-kind`, `newer-schema`, `unsupported-schema` or `invalid`).
 */
export function validateBaselineFile(value: unknown, file = 'baseline file'): BaselineFile {
  const document = checkEnvelope(value, file, BASELINE_DOCUMENT);
  const issues = new Issues();
  const testbeds = issues.object(document, 'testbeds', '');
  if (testbeds !== undefined) {
    for (const [id, testbed] of Object.entries(testbeds)) {
      const path = keyPath('testbeds', id);
      if (checkTestbed(issues, testbed, path) && testbed.id !== id) {
        issues.note(path, `filed under "${id}" but its id is "${testbed.id}"`);
      }
    }
  }
  const baselines = issues.object(document, 'baselines', '');
  if (baselines !== undefined) {
    for (const [id, keys] of Object.entries(baselines)) {
      const testbedPath = keyPath('baselines', id);
      if (testbeds !== undefined && !Object.hasOwn(testbeds, id)) {
        issues.note(testbedPath, `unknown testbed "${id}": "testbeds" has no fingerprint with this id`);
      }
      if (!isObject(keys)) {
        issues.add(testbedPath, 'an object of group keys', keys);
        continue;
      }
      for (const [key, entries] of Object.entries(keys)) {
        const keyPathText = keyPath(testbedPath, key);
        if (!isObject(entries)) {
          issues.add(keyPathText, 'an object of entry names', entries);
          continue;
        }
        for (const [name, record] of Object.entries(entries)) {
          const recordPath = keyPath(keyPathText, name);
          if (!isObject(record)) {
            issues.add(recordPath, 'a record { estimate, lower, upper, level, recordedAt }', record);
            continue;
          }
          checkInterval(issues, record, recordPath);
          issues.timestamp(record, 'recordedAt', recordPath);
        }
      }
    }
  }
  throwIfInvalid(issues.list, file, BASELINE_DOCUMENT);
  return document as unknown as BaselineFile;
}

/**
 * Reads a baseline file. Resolves to undefined when the file does not exist (there are no
 * baselines yet); throws for anything else that is wrong with it.
 *
 * @throws SpeedupFileError naming the file: unreadable, empty, truncated, not JSON, another kind
 *   of document, a newer schema version, invalid fields or an unknown testbed.
 */
export async function readBaselineFile(file: string): Promise<BaselineFile | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new SpeedupFileError(file, 'unreadable', `${file}: cannot read the baseline file (${code ?? (error as Error).message}). ${BASELINE_DOCUMENT.remedy}`);
  }
  return validateBaselineFile(parseJsonText(text, file, BASELINE_DOCUMENT.remedy), file);
}

/** A copy with object keys sorted at every level, so that files diff cleanly in version control. */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = sorted(value[key]);
  return out;
}

/** Serialises a baseline file: envelope first, then testbeds and baselines with sorted keys. */
export function serializeBaselineFile(data: BaselineFile): string {
  const { schemaVersion, kind, testbeds, baselines } = data;
  return `${JSON.stringify({ schemaVersion, kind, testbeds: sorted(testbeds), baselines: sorted(baselines) }, null, 2)}\n`;
}

/**
 * Writes a baseline file atomically (temporary file + rename), after validating it, so that a
 * reader never sees half a file and a malformed document is never written.
 */
export async function writeBaselineFile(file: string, data: BaselineFile): Promise<void> {
  validateBaselineFile(JSON.parse(JSON.stringify(data)) as unknown, file);
  await writeFileAtomic(file, serializeBaselineFile(data));
}
