export const VERDICTS = ['pass', 'fail', 'inconclusive'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Whether the step should fail for this verdict. */
export function verdictFailsStep(verdict: Verdict, failOnInconclusive = true): boolean {
  return verdict === 'fail' || (verdict === 'inconclusive' && failOnInconclusive);
}
