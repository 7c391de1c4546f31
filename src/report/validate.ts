import { checkTestbed } from '../baselines/testbed.ts';
import { indexPath, isObject, Issues, keyPath } from './check.ts';
import type { JsonObject } from './check.ts';
import { checkEnvelope, parseJsonText, readJsonFile, throwIfInvalid } from './files.ts';
import type { DocumentKind } from './files.ts';
import { REPORT_KIND, REPORT_SCHEMA_VERSION, STOP_REASONS, VERDICTS } from './schema.ts';
import type { SpeedupReport } from './schema.ts';

/** How report files are described in errors. */
export const REPORT_DOCUMENT: DocumentKind = {
  kind: REPORT_KIND,
  label: 'report',
  schemaVersion: REPORT_SCHEMA_VERSION,
  remedy: 'Re-create it by running the benchmarks again (writeReport() writes report.json).',
  newerRemedy: 're-create the report with this version.',
};

/**
 * Checks that a value is a speedup report of schema version 1 and returns it typed. Every problem
 * is listed with its path and what was expected; a newer `schemaVersion` or another kind of
 * document gets a single sentence instead.
 *
 * @param value - Parsed JSON (or an object about to be written).
 * @param file - How to name the document in messages. Default `report`.
 * @throws SpeedupFileError (`wrong-kind`, `newer-schema`, `unsupported-schema` or `invalid`).
 * @example
 * ```ts
 * const report = validateReport(JSON.parse(text), 'report.json');
 * ```
 */
export function validateReport(value: unknown, file = 'report'): SpeedupReport {
  const document = checkEnvelope(value, file, REPORT_DOCUMENT);
  const issues = new Issues();
  issues.timestamp(document, 'createdAt', '');
  const tool = issues.object(document, 'tool', '');
  if (tool !== undefined) {
    issues.oneOf(tool, 'name', 'tool', ['vitest-speedup']);
    issues.string(tool, 'version', 'tool', { nonEmpty: true });
  }
  checkTestbed(issues, document.testbed, 'testbed');
  const groups = issues.array(document, 'groups', '');
  const titles = new Map<string, number>();
  groups?.forEach((group, i) => {
    const path = indexPath('groups', i);
    if (!isObject(group)) {
      issues.add(path, 'a group object { title, baseline, entries, rounds, stopReason }', group);
      return;
    }
    checkGroup(issues, group, path);
    if (typeof group.title === 'string') {
      const first = titles.get(group.title);
      if (first !== undefined) {
        issues.note(`${path}.title`, `${JSON.stringify(group.title)} is also the title of groups[${first}]; titles must be unique (compare matches groups by title)`);
      } else titles.set(group.title, i);
    }
  });
  throwIfInvalid(issues.list, file, REPORT_DOCUMENT);
  return document as unknown as SpeedupReport;
}

function checkGroup(issues: Issues, group: JsonObject, path: string): void {
  issues.string(group, 'title', path, { nonEmpty: true });
  issues.string(group, 'baseline', path, { nonEmpty: true });
  issues.number(group, 'rounds', path, { min: 0, integer: true });
  issues.oneOf(group, 'stopReason', path, STOP_REASONS);
  const notes = issues.array(group, 'notes', path, { optional: true });
  notes?.forEach((note, i) => {
    if (typeof note !== 'string') issues.add(indexPath(`${path}.notes`, i), 'a string', note);
  });

  const entries = issues.array(group, 'entries', path, { nonEmpty: true });
  if (entries !== undefined) {
    const names = new Set<string>();
    const baselines: string[] = [];
    entries.forEach((entry, i) => {
      const entryPath = indexPath(`${path}.entries`, i);
      if (!isObject(entry)) {
        issues.add(entryPath, 'an entry object { name, medianMs, speedup, flags }', entry);
        return;
      }
      checkEntry(issues, entry, entryPath);
      if (typeof entry.name === 'string') {
        if (names.has(entry.name)) issues.note(`${entryPath}.name`, `${JSON.stringify(entry.name)} appears twice in this group; entry names must be unique`);
        names.add(entry.name);
        if (entry.speedup === null) baselines.push(entry.name);
      }
    });
    if (typeof group.baseline === 'string' && !(baselines.length === 1 && baselines[0] === group.baseline)) {
      issues.note(
        `${path}.entries`,
        `expected exactly one entry with "speedup": null, named like the baseline ${JSON.stringify(group.baseline)}; found ${
          baselines.length === 0 ? 'none' : baselines.map((name) => JSON.stringify(name)).join(', ')
        }`,
      );
    }
  }

  const scaling = issues.object(group, 'scaling', path, { optional: true });
  if (scaling !== undefined) checkScaling(issues, scaling, `${path}.scaling`);
  const timeline = issues.object(group, 'timeline', path, { optional: true });
  if (timeline !== undefined) checkTimeline(issues, timeline, `${path}.timeline`);
}

function checkEntry(issues: Issues, entry: JsonObject, path: string): void {
  issues.string(entry, 'name', path, { nonEmpty: true });
  issues.number(entry, 'medianMs', path, { positive: true });
  if (isObject(entry.speedup)) checkInterval(issues, entry.speedup, `${path}.speedup`);
  else if (entry.speedup !== null) {
    issues.add(keyPath(path, 'speedup'), 'an object { estimate, lower, upper, level }, or null for the baseline', entry.speedup);
  }
  issues.number(entry, 'workers', path, { positive: true, optional: true });
  issues.number(entry, 'efficiency', path, { positive: true, optional: true });
  const flags = issues.array(entry, 'flags', path);
  flags?.forEach((flag, i) => {
    if (typeof flag !== 'string') issues.add(indexPath(`${path}.flags`, i), 'a string', flag);
  });
  issues.oneOf(entry, 'verdict', path, VERDICTS, { optional: true });
}

/** Checks `{ estimate, lower, upper, level }` with `lower <= estimate <= upper`. */
export function checkInterval(issues: Issues, interval: JsonObject, path: string, options: { level?: boolean } = {}): void {
  const ok = [
    issues.number(interval, 'estimate', path, { positive: true }),
    issues.number(interval, 'lower', path, { positive: true }),
    issues.number(interval, 'upper', path, { positive: true }),
  ].every(Boolean);
  if (options.level !== false) issues.number(interval, 'level', path, { min: 0, max: 1 });
  if (ok && !((interval.lower as number) <= (interval.estimate as number) && (interval.estimate as number) <= (interval.upper as number))) {
    issues.note(path, `expected lower <= estimate <= upper, received ${String(interval.lower)} <= ${String(interval.estimate)} <= ${String(interval.upper)}`);
  }
}

function checkScaling(issues: Issues, scaling: JsonObject, path: string): void {
  const points = issues.array(scaling, 'points', path, { nonEmpty: true });
  points?.forEach((point, i) => {
    const pointPath = indexPath(`${path}.points`, i);
    if (!isObject(point)) {
      issues.add(pointPath, 'a point { workers, speedup, lower, upper, oversubscribed }', point);
      return;
    }
    issues.number(point, 'workers', pointPath, { positive: true });
    issues.number(point, 'speedup', pointPath, { positive: true });
    issues.number(point, 'lower', pointPath, { positive: true });
    issues.number(point, 'upper', pointPath, { positive: true });
    issues.boolean(point, 'oversubscribed', pointPath);
  });
  const amdahl = issues.object(scaling, 'amdahl', path, { optional: true });
  if (amdahl !== undefined) issues.number(amdahl, 'serialFraction', `${path}.amdahl`, { min: 0, max: 1 });
}

function checkTimeline(issues: Issues, timeline: JsonObject, path: string): void {
  issues.number(timeline, 'start', path);
  issues.number(timeline, 'end', path);
  const entries = issues.array(timeline, 'entries', path);
  entries?.forEach((entry, i) => {
    const entryPath = indexPath(`${path}.entries`, i);
    if (!isObject(entry)) {
      issues.add(entryPath, 'a timeline entry { index, lane, start, end }', entry);
      return;
    }
    issues.number(entry, 'index', entryPath, { min: 0, integer: true });
    issues.string(entry, 'lane', entryPath, { nonEmpty: true });
    issues.number(entry, 'start', entryPath);
    issues.number(entry, 'end', entryPath);
  });
}

/**
 * Parses report JSON text; `file` names it in errors.
 *
 * @throws SpeedupFileError for empty, truncated or invalid JSON and for everything {@link validateReport} rejects.
 */
export function parseReport(text: string, file = 'report'): SpeedupReport {
  return validateReport(parseJsonText(text, file, REPORT_DOCUMENT.remedy), file);
}

/**
 * Reads and validates a report file (report.json as written by `writeReport`).
 *
 * @throws SpeedupFileError naming the file: missing, unreadable, empty, truncated, not JSON, another
 *   kind of document, a newer schema version, or invalid fields (all listed).
 * @example
 * ```ts
 * const report = await readReport('bench-report/report.json');
 * ```
 */
export async function readReport(file: string): Promise<SpeedupReport> {
  return validateReport(await readJsonFile(file, 'report', REPORT_DOCUMENT.remedy), file);
}
