/** Three significant digits without switching to exponent notation: 123, 12.3, 1.23. */
function threeDigits(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 99.95) return value.toFixed(0);
  if (abs >= 9.995) return value.toFixed(1);
  return value.toFixed(2);
}

/** A duration in the unit a person reads fastest: "850 ns", "12.3 us", "4.56 ms", "1.23 s". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  const abs = Math.abs(ms);
  if (abs >= 999.5) return `${(ms / 1000).toFixed(2)} s`;
  if (abs >= 0.9995) return `${threeDigits(ms)} ms`;
  if (abs >= 0.0009995) return `${threeDigits(ms * 1000)} us`;
  return `${Math.round(ms * 1e6)} ns`;
}
