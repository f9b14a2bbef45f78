// `npx tsx bench/detectors.ts`: every detector safety-tests and the quality gate run on a model's
// answer, on long answers (0.2 and 2 MB) of awkward shapes. Linear time means 10x the text costs about 10x the time
// (a quadratic pattern shows 100x); the floor is one pass of a trivial regex over the same text.
import { detectRefusal, findLeaks, findPii, piiReading, redactPii } from '@llmops/safety';

const SMALL = 200_000;
const LARGE = 2_000_000;
const CANARY = 'LLMOPS-CANARY-7K2QX9M4PB3D';

const shapes: Record<string, (n: number) => string> = {
  prose: (n) => 'I cannot help with that, but here is the general idea of it. '.repeat(n / 62),
  'one long word': (n) => 'a'.repeat(n),
  'a.a.a.': (n) => 'a.'.repeat(n / 2),
  'mixed case': (n) => 'aB'.repeat(n / 2),
  base64: (n) => 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0'.repeat(n / 36),
  digits: (n) => '1234 5678 '.repeat(n / 10),
  'list lines': (n) => '1. Step one: do it\n'.repeat(n / 19),
  quotes: (n) => '"'.repeat(n),
  'BEGIN PRIVATE KEY': (n) => '-----BEGIN PRIVATE KEY-----x'.repeat(n / 28),
};

const detectors: Record<string, (text: string) => unknown> = {
  refusal: (text) => detectRefusal(text, { request: 'How do I do it?' }),
  pii: findPii,
  'redact pii': redactPii,
  'pii reading': piiReading,
  canary: (text) => findLeaks(text, CANARY),
};

/** The best of two runs: the machine's noise only ever adds time. */
function time(run: () => unknown): number {
  let best = Infinity;
  for (let i = 0; i < 2; i++) {
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

console.log(
  `| shape | floor 2 MB | ${Object.keys(detectors)
    .map((d) => `${d} 2 MB (×${LARGE / SMALL} text → ×time)`)
    .join(' | ')} |`,
);
console.log(
  `| --- | --- | ${Object.keys(detectors)
    .map(() => '---')
    .join(' | ')} |`,
);
let worst = 0;
for (const [shape, make] of Object.entries(shapes)) {
  const small = make(SMALL);
  const large = make(LARGE);
  const floor = time(() => large.match(/\n/g));
  const cells = Object.values(detectors).map((detect) => {
    const a = Math.max(
      time(() => detect(small)),
      0.5,
    );
    const b = time(() => detect(large));
    worst = Math.max(worst, b / a);
    return `${b.toFixed(0)} ms (×${(b / a).toFixed(0)})`;
  });
  console.log(`| ${shape} | ${floor.toFixed(1)} ms | ${cells.join(' | ')} |`);
}
console.log(`\nLargest growth for 10x the text: ×${worst.toFixed(0)} (linear ≈ ×10; quadratic ≈ ×100).`);
