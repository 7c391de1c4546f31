import type { Command } from '../types.ts';
import { hostCommand } from './host.ts';
import { compareCommand } from './compare.ts';

/**
 * Every subcommand of `vitest-speedup`, in the order `help` lists them. A new command is one
 * module next to this file plus one entry here.
 */
export const commands: readonly Command[] = [hostCommand, compareCommand];
