/**
 * A small structural checker for the JSON documents vitest-speedup reads (reports, baseline
 * files): it collects every problem as `path: expected X, received Y` instead of stopping at the
 * first, so one run of a validator tells the whole story of a hand-edited or foreign file.
 */

/** A plain JSON object. */
export type JsonObject = Record<string, unknown>;

/** True for a plain object (not null, not an array). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `parent.key`, or `parent["odd key"]` for keys that are not identifiers. */
export function keyPath(parent: string, key: string): string {
  if (IDENTIFIER.test(key)) return parent === '' ? key : `${parent}.${key}`;
  return `${parent}[${JSON.stringify(key)}]`;
}

/** `parent[index]`. */
export function indexPath(parent: string, index: number): string {
  return `${parent}[${index}]`;
}

/** What a received value was, for "received ..." in messages: short and unambiguous. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const text = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    return `the string ${JSON.stringify(text)}`;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `an array of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

/** Collects problems as `path: expected ..., received ...`. */
export class Issues {
  readonly list: string[] = [];

  /** Records that the value at `path` is not what was `expected`. */
  add(path: string, expected: string, received: unknown): void {
    this.list.push(`${path}: expected ${expected}, received ${describeValue(received)}`);
  }

  /** Records a problem that is not about one value's type, e.g. two fields that disagree. */
  note(path: string, problem: string): void {
    this.list.push(`${path}: ${problem}`);
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  /** A string field; `nonEmpty` rejects `""`. */
  string(object: JsonObject, key: string, path: string, options: { nonEmpty?: boolean; optional?: boolean } = {}): boolean {
    const value = object[key];
    if (value === undefined && options.optional === true) return true;
    if (typeof value !== 'string' || (options.nonEmpty === true && value.length === 0)) {
      this.add(keyPath(path, key), options.nonEmpty === true ? 'a non-empty string' : 'a string', value);
      return false;
    }
    return true;
  }

  /** A finite number field with optional bounds. */
  number(
    object: JsonObject,
    key: string,
    path: string,
    options: { positive?: boolean; min?: number; max?: number; integer?: boolean; optional?: boolean } = {},
  ): boolean {
    const value = object[key];
    if (value === undefined && options.optional === true) return true;
    const ok =
      typeof value === 'number' &&
      Number.isFinite(value) &&
      (options.positive !== true || value > 0) &&
      (options.min === undefined || value >= options.min) &&
      (options.max === undefined || value <= options.max) &&
      (options.integer !== true || Number.isInteger(value));
    if (!ok) this.add(keyPath(path, key), describeNumber(options), value);
    return ok;
  }

  /** A field whose value is one of `allowed`. */
  oneOf(object: JsonObject, key: string, path: string, allowed: readonly unknown[], options: { optional?: boolean } = {}): boolean {
    const value = object[key];
    if (value === undefined && options.optional === true) return true;
    if (!allowed.includes(value)) {
      this.add(keyPath(path, key), `one of ${allowed.map((item) => JSON.stringify(item)).join(', ')}`, value);
      return false;
    }
    return true;
  }

  /** A boolean field. */
  boolean(object: JsonObject, key: string, path: string, options: { optional?: boolean } = {}): boolean {
    const value = object[key];
    if (value === undefined && options.optional === true) return true;
    if (typeof value !== 'boolean') {
      this.add(keyPath(path, key), 'true or false', value);
      return false;
    }
    return true;
  }

  /** An ISO 8601 timestamp string (as written by `Date.prototype.toISOString`). */
  timestamp(object: JsonObject, key: string, path: string): boolean {
    const value = object[key];
    if (typeof value !== 'string' || !ISO_TIMESTAMP.test(value) || Number.isNaN(Date.parse(value))) {
      this.add(keyPath(path, key), 'an ISO 8601 timestamp like "2026-01-01T00:00:00.000Z"', value);
      return false;
    }
    return true;
  }

  /** An object field; returns it for further checks, or undefined after recording the problem. */
  object(object: JsonObject, key: string, path: string, options: { optional?: boolean } = {}): JsonObject | undefined {
    const value = object[key];
    if (value === undefined && options.optional === true) return undefined;
    if (!isObject(value)) {
      this.add(keyPath(path, key), 'an object', value);
      return undefined;
    }
    return value;
  }

  /** An array field; returns it for further checks, or undefined after recording the problem. */
  array(object: JsonObject, key: string, path: string, options: { optional?: boolean; nonEmpty?: boolean } = {}): readonly unknown[] | undefined {
    const value = object[key];
    if (value === undefined && options.optional === true) return undefined;
    if (!Array.isArray(value) || (options.nonEmpty === true && value.length === 0)) {
      this.add(keyPath(path, key), options.nonEmpty === true ? 'a non-empty array' : 'an array', value);
      return undefined;
    }
    return value;
  }
}

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function describeNumber(options: { positive?: boolean; min?: number; max?: number; integer?: boolean }): string {
  const kind = options.integer === true ? 'integer' : 'number';
  if (options.positive === true) return `a positive ${kind}`;
  if (options.min !== undefined && options.max !== undefined) return `a ${kind} from ${options.min} to ${options.max}`;
  if (options.min === 0) return `a non-negative ${kind}`;
  if (options.min !== undefined) return `a ${kind} >= ${options.min}`;
  return options.integer === true ? 'an integer' : 'a finite number';
}
