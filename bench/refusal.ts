// `npx tsx bench/refusal.ts`: the refusal classifier on XSTest's human-labelled answers in
// ../shared/data/xstest-dev/ (GPT-4, Mistral-7B with a guardrail prompt; 900 answers), each replayed
// as the answer to a safety-tests probe. Prints precision/recall of "refused" (full or partial refusal)
// per model, per class, the confusion matrix, "attack succeeded" precision on the unsafe prompts, and
// the time per answer.
//   --floor P,R    exit 1 if precision of "refused" is below P or its recall below R for any model
//                  (CI's floor; one number sets both)
//   --fit          refit the model's weights on the set, write packages/safety/src/refusal-model.ts, and
//                  print leave-one-model-out numbers (trained on one model, measured on the other)
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { assessResponse, detectRefusal, type Probe, type RefusalClass } from '@llmops/safety';
import { contentWords, featureNames, measure, splitSentences } from '../packages/safety/src/refusal-features';
import { loadXstest, xstestDir, type LabelledAnswer } from './lib/xstest';

const classes: RefusalClass[] = ['full-compliance', 'partial-refusal', 'full-refusal'];
const ratio = (a: number, b: number) => (b ? (a / b).toFixed(3) : 'n/a');
const refusal = (label: RefusalClass) => label !== 'full-compliance';
const args = process.argv.slice(2);
const floorAt = args.indexOf('--floor');
const floor = floorAt >= 0 ? (args[floorAt + 1] ?? '').split(',').map(Number) : undefined;
if (floor && (floor.some((n) => !(n >= 0 && n <= 1)) || floor.length > 2)) {
  console.error(
    `--floor takes a precision and a recall between 0 and 1, as P,R or one number: ${args[floorAt + 1]}`,
  );
  process.exit(2);
}
const [minPrecision, minRecall] = floor ? [floor[0]!, floor[1] ?? floor[0]!] : [0, 0];

const answers = loadXstest();
if (!answers) {
  console.log(`No development set at ${xstestDir}: nothing to measure.`);
  process.exit(floor === undefined ? 0 : 1);
}

if (args.includes('--fit')) fit(answers);

interface Scored {
  answer: LabelledAnswer;
  predicted: RefusalClass;
  /** What safety-tests concluded for a harmful-request probe (`expect: refuse`) given this answer. */
  defended: boolean;
}

function score(list: readonly LabelledAnswer[]): { scored: Scored[]; msPerAnswer: number } {
  const started = performance.now();
  const scored = list.map((answer) => ({
    answer,
    predicted: detectRefusal(answer.answer, { request: answer.prompt }).label,
    defended: false,
  }));
  const msPerAnswer = (performance.now() - started) / list.length;
  for (const s of scored) {
    const probe: Probe = {
      id: s.answer.id,
      pack: 'xstest',
      category: s.answer.type,
      prompt: s.answer.prompt,
      expect: 'refuse',
    };
    s.defended = assessResponse(probe, s.answer.answer).outcome === 'defended';
  }
  return { scored, msPerAnswer };
}

// Warm up once, so the time per answer is the steady state rather than the regex compilation.
for (const a of answers) detectRefusal(a.answer, { request: a.prompt });
let failed = false;
const models = [...new Set(answers.map((a) => a.model))];
console.log(
  '| model | answers | precision (refused) | recall (refused) | attack succeeded precision | ms / answer |',
);
console.log('| --- | --- | --- | --- | --- | --- |');
const perModel = models.map((model) => ({ model, ...score(answers.filter((a) => a.model === model)) }));
for (const { model, scored, msPerAnswer } of perModel) {
  const tp = scored.filter((s) => refusal(s.answer.label) && s.defended).length;
  const fp = scored.filter((s) => !refusal(s.answer.label) && s.defended).length;
  const fn = scored.filter((s) => refusal(s.answer.label) && !s.defended).length;
  const unsafe = scored.filter((s) => !s.answer.safe && !s.defended);
  const attackTp = unsafe.filter((s) => s.answer.label === 'full-compliance').length;
  const precision = tp / (tp + fp);
  const recall = tp / (tp + fn);
  console.log(
    `| ${model} | ${scored.length} | ${precision.toFixed(3)} | ${recall.toFixed(3)} | ${ratio(attackTp, unsafe.length)} (${attackTp}/${unsafe.length}) | ${msPerAnswer.toFixed(3)} |`,
  );
  if (precision < minPrecision || recall < minRecall) failed = true;
}

for (const { model, scored } of perModel) {
  console.log(`\n${model}: per class, and the confusion matrix (rows: human label, columns: classifier)`);
  console.log('| class | precision | recall | ' + classes.join(' | ') + ' |');
  console.log('| --- | --- | --- | ' + classes.map(() => '---').join(' | ') + ' |');
  for (const label of classes) {
    const row = classes.map(
      (p) => scored.filter((s) => s.answer.label === label && s.predicted === p).length,
    );
    const predicted = scored.filter((s) => s.predicted === label).length;
    const actual = scored.filter((s) => s.answer.label === label).length;
    const hit = row[classes.indexOf(label)]!;
    console.log(`| ${label} | ${ratio(hit, predicted)} | ${ratio(hit, actual)} | ${row.join(' | ')} |`);
  }
}

const long = `I can't help with that. ${'Here is one more sentence of an answer that goes on. '.repeat(190_000)}`;
const startedLong = performance.now();
detectRefusal(long, { request: 'How do I do it?' });
console.log(
  `\nOne ${(long.length / 1e6).toFixed(0)} MB answer: ${(performance.now() - startedLong).toFixed(0)} ms.`,
);

if (floor) {
  const what = `precision ${minPrecision}, recall ${minRecall}`;
  console.log(failed ? `\nFAIL: below the floor (${what})` : `\nfloor (${what}): met for every model`);
  process.exit(failed ? 1 : 0);
}

/**
 * Logistic regression with a little L2, by batch gradient descent from zero (deterministic): few
 * features, so the weights stay readable and say which kind of sentence counts for how much.
 */
function fit(list: readonly LabelledAnswer[]): void {
  const X = list.map((a) => {
    const text = a.answer.replace(/[’‘]/g, "'").trim();
    return measure(splitSentences(text, contentWords(a.prompt)), text.length, a.prompt);
  });
  const y = list.map((a) => (refusal(a.label) ? 1 : 0));
  const train = (rows: number[]) => {
    const k = featureNames.length;
    const w = new Array<number>(k + 1).fill(0);
    for (let iteration = 0; iteration < 6000; iteration++) {
      const gradient = new Array<number>(k + 1).fill(0);
      for (const i of rows) {
        const error = sigmoid(dot(w, X[i]!)) - y[i]!;
        for (let j = 0; j < k; j++) gradient[j]! += error * X[i]![j]!;
        gradient[k]! += error;
      }
      for (let j = 0; j <= k; j++) w[j]! -= 0.5 * (gradient[j]! / rows.length + (j < k ? 0.0005 * w[j]! : 0));
    }
    return w;
  };
  const all = list.map((_, i) => i);
  const w = train(all);
  const file = path.resolve(import.meta.dirname, '../packages/safety/src/refusal-model.ts');
  writeFileSync(
    file,
    `// Generated by \`npx tsx bench/refusal.ts --fit\` from XSTest's human labels (${list.length} answers of\n` +
      `// ${[...new Set(list.map((a) => a.model))].join(', ')}); the features are in refusal-features.ts, in this order.\n` +
      `export const refusalWeights: readonly number[] = [\n` +
      featureNames.map((name, j) => `  ${Number(w[j]!.toFixed(3))}, // ${name}\n`).join('') +
      `];\nexport const refusalBias = ${Number(w[featureNames.length]!.toFixed(3))};\n`,
  );
  console.log(`wrote ${path.relative(process.cwd(), file)}\n\nleave one model out (trained on the others):`);
  for (const model of new Set(list.map((a) => a.model))) {
    const held = all.filter((i) => list[i]!.model === model);
    const wo = train(all.filter((i) => list[i]!.model !== model));
    const tp = held.filter((i) => y[i] && sigmoid(dot(wo, X[i]!)) >= 0.5).length;
    const fp = held.filter((i) => !y[i] && sigmoid(dot(wo, X[i]!)) >= 0.5).length;
    const fn = held.filter((i) => y[i] && sigmoid(dot(wo, X[i]!)) < 0.5).length;
    console.log(`  ${model}: precision ${ratio(tp, tp + fp)}  recall ${ratio(tp, tp + fn)}`);
  }
  console.log('\nRe-run without --fit to measure the classifier with the new weights.');
  process.exit(0);
}

function dot(w: readonly number[], x: readonly number[]): number {
  let z = w[x.length]!;
  for (let j = 0; j < x.length; j++) z += w[j]! * x[j]!;
  return z;
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}
