/** Small helpers shared by every SVG this library draws (timelines, report charts). */

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

/** A number with at most `digits` decimals and no trailing zeros (`12.5`, `3`). */
export function fmt(value: number, digits = 2): string {
  return String(Number(value.toFixed(digits)));
}

/** A 1, 2 or 5 x 10^k step that gives about `target` ticks over `span`. */
export function niceStep(span: number, target: number): number {
  const raw = span / target;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const normalised = raw / magnitude;
  return (normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 5 ? 5 : 10) * magnitude;
}
