import { stripVTControlCharacters } from 'node:util';

/** The message of an assertion that must fail, without colours; throws if it passed. */
export async function failureOf(assertion: Promise<unknown>): Promise<string> {
  try {
    await assertion;
  } catch (error) {
    return stripVTControlCharacters((error as Error).message);
  }
  throw new Error('expected the assertion to fail, but it passed');
}
