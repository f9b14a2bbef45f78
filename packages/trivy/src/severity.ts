/** Trivy's severities, most severe first (Trivy JSON `Severity`). */
export const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'UNKNOWN'] as const;
export type Severity = (typeof SEVERITIES)[number];

const RANK: Record<Severity, number> = { CRITICAL: 4, HIGH: 3, MEDIUM: 2, LOW: 1, UNKNOWN: 0 };

/** Any string Trivy writes becomes one of ours; vendors' odd values count as UNKNOWN. */
export function toSeverity(value: string | undefined): Severity {
  const upper = (value ?? '').toUpperCase();
  return (SEVERITIES as readonly string[]).includes(upper) ? (upper as Severity) : 'UNKNOWN';
}

export function severityRank(severity: Severity): number {
  return RANK[severity];
}

/**
 * The severities that fail the gate. `severity` is Trivy-style (`CRITICAL,HIGH`), read as a
 * threshold: everything at or above its lowest known entry gates. UNKNOWN has no place on that
 * scale, so it gates only when listed.
 */
export function gatedSeverities(listed: readonly Severity[]): Set<Severity> {
  const known = listed.filter((s) => s !== 'UNKNOWN');
  const floor = known.reduce((min, s) => Math.min(min, severityRank(s)), Infinity);
  const gated = new Set<Severity>(SEVERITIES.filter((s) => s !== 'UNKNOWN' && RANK[s] >= floor));
  if (listed.includes('UNKNOWN')) gated.add('UNKNOWN');
  return gated;
}

// GitHub code scanning reads `security-severity` as: >= 9.0 critical, 7.0–8.9 high, 4.0–6.9
// medium, 0.1–3.9 low. Used when Trivy gives no CVSS score (misconfigurations, secrets).
const SCORE_FOR: Record<Severity, number | undefined> = {
  CRITICAL: 9.5,
  HIGH: 8.0,
  MEDIUM: 5.5,
  LOW: 2.0,
  UNKNOWN: undefined,
};

export function fallbackScore(severity: Severity): number | undefined {
  return SCORE_FOR[severity];
}
