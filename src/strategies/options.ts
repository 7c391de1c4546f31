/**
 * Validation shared by the strategy factories, in one place so that every message has the same
 * shape: `<where>: options.<name> must be <rule>, received <value>. <fix>`. Non-numbers are a
 * TypeError, numbers out of range (0, 1.5, NaN, Infinity) a RangeError.
 */
import { existsSync, statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TaskDefinition } from './types.ts';

/** Formats a received option value for an error message (`"2"`, `NaN`, `null`, `[object]`). */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' || value === undefined || value === null) {
    return String(value);
  }
  if (Array.isArray(value)) return 'an array';
  return `a value of type ${typeof value}`;
}

/** Reads an optional positive integer option (undefined means "use the default"). */
export function positiveIntegerOption(where: string, name: string, value: unknown, fix: string): number | undefined {
  if (value === undefined) return undefined;
  const message = `${where}: options.${name} must be a positive integer, received ${describe(value)}. ${fix}`;
  if (typeof value !== 'number') throw new TypeError(message);
  if (!Number.isInteger(value) || value < 1) throw new RangeError(message);
  return value;
}

/** Reads an optional timeout in milliseconds (a positive finite number). */
export function timeoutOption(where: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const message = `${where}: options.timeout must be a positive finite number of milliseconds, received ${describe(value)}. Omit it for no timeout.`;
  if (typeof value !== 'number') throw new TypeError(message);
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(message);
  return value;
}

/** Reads an optional boolean option. */
export function booleanOption(where: string, name: string, value: unknown, fix: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') {
    throw new TypeError(`${where}: options.${name} must be a boolean, received ${describe(value)}. ${fix}`);
  }
  return value;
}

/** Reads an optional list of absolute module paths (or file URL strings) that must exist. */
export function modulesOption(where: string, name: string, value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    throw new TypeError(`${where}: options.${name} must be an array of absolute module paths, received ${describe(value)}.`);
  }
  return value.map((module: unknown) => resolveModulePath(where, `options.${name}`, module));
}

/**
 * Turns a module reference (absolute path or `file:` URL string) into an absolute path and
 * checks that the file exists, so that a typo fails here with a clear message rather than as
 * an import error inside a worker.
 */
export function resolveModulePath(where: string, name: string, value: unknown): string {
  const example = "fileURLToPath(new URL('./tasks.ts', import.meta.url))";
  if (typeof value !== 'string' || value === '') {
    throw new TypeError(`${where}: ${name} must be an absolute file path string, received ${describe(value)}. Use ${example}.`);
  }
  const path = value.startsWith('file:') ? fileURLToPath(value) : value;
  if (!isAbsolute(path)) {
    throw new TypeError(`${where}: ${name} must be an absolute file path, received ${describe(value)}. Use ${example}.`);
  }
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw new TypeError(`${where}: ${name} does not exist: ${path}. Point it at an existing module file, e.g. ${example}.`);
  }
  return path;
}

/** The module path and export name a task runs as off the main thread (validated). */
export interface OffThreadTask {
  readonly module: string;
  readonly exportName: string;
}

/**
 * Checks that a task can run off the main thread: it needs `module` (absolute path of an
 * existing file); `exportName` defaults to the task's `name`.
 */
export function offThreadTask(where: string, task: TaskDefinition<unknown, unknown>): OffThreadTask {
  if (task.module === undefined) {
    throw new TypeError(
      `${where}: task "${task.name}" has no module, so it cannot run off the main thread. ` +
        `Set task.module to the absolute path of a module that exports it, e.g. fileURLToPath(new URL('./tasks.ts', import.meta.url)).`,
    );
  }
  const module = resolveModulePath(where, 'task.module', task.module);
  const exportName = task.exportName ?? task.name;
  if (typeof exportName !== 'string' || exportName === '') {
    throw new TypeError(`${where}: task.exportName must be a non-empty string, received ${describe(exportName)}.`);
  }
  return { module, exportName };
}

/** The error a run rejects with when its signal aborts (the signal's reason if it is an Error). */
export function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error('The run was aborted', { cause: signal.reason });
}
