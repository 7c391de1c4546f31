/**
 * The rounds at which the adaptive loop looks at the interval: minRounds, then growing by 25%
 * up to maxRounds. Looking after every round would need a much larger correction for repeated
 * looks; a geometric schedule keeps the number of looks (and so the correction) small while
 * still stopping within 25% of the rounds a clear case needs.
 */
export function lookSchedule(minRounds: number, maxRounds: number, growth = 1.25): number[] {
  const looks: number[] = [];
  let n = minRounds;
  while (n < maxRounds) {
    looks.push(n);
    n = Math.max(n + 1, Math.ceil(n * growth));
  }
  looks.push(maxRounds);
  return looks;
}

/**
 * Confidence of each look's interval so that the chance of a wrong verdict over all looks
 * stays within 1 - confidence (Bonferroni: conservative, simple, and valid whatever the
 * correlation between looks).
 */
export function perLookLevel(confidence: number, plannedLooks: number): number {
  return 1 - (1 - confidence) / plannedLooks;
}
