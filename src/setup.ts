// Registers the vitest-speedup matchers (filled in by the matchers module).
