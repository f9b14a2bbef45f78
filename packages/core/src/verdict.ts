export const VERDICTS = ['pass', 'fail', 'inconclusive'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** The worst of several verdicts: any fail fails, else any inconclusive is inconclusive. */
export function worstVerdict(verdicts: Iterable<Verdict>): Verdict {
  let worst: Verdict = 'pass';
  for (const verdict of verdicts) {
    if (verdict === 'fail') return 'fail';
    if (verdict === 'inconclusive') worst = 'inconclusive';
  }
  return worst;
}

/** Whether the step should fail for this verdict. */
export function verdictFailsStep(verdict: Verdict, failOnInconclusive = true): boolean {
  return verdict === 'fail' || (verdict === 'inconclusive' && failOnInconclusive);
}
