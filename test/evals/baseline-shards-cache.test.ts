import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { VERSION } from '@llmops/core';
import { startTestServer, type TestServer } from '@llmops/llm/test-server';
import { git, runGate, workspace, writeFiles } from './gate-fixtures';

let server: TestServer;
beforeAll(async () => {
  // The model answers from a tiny knowledge table; "v2" of the system prompt breaks shipping answers.
  server = await startTestServer({
    answer: (body) => {
      const system = body.messages?.find((m) => m.role === 'system')?.content ?? '';
      const user = body.messages?.at(-1)?.content ?? '';
      if (/express/i.test(user))
        return system.includes('v2') ? 'About 3 weeks.' : 'Express takes 1-2 business days.';
      if (/return/i.test(user)) return 'Returns are accepted within 30 days.';
      const n = /item (\d+)/.exec(user)?.[1];
      return n && Number(n) % 4 === 0 ? 'no idea' : `item ${n} is in stock`;
    },
  });
});
afterAll(() => server.stop());

const promptFile = (version: string) => `name: support
messages:
  - role: system
    content: Acme Shoes support, prompt ${version}.
  - role: user
    content: '{{question}}'
testData:
  - question: Can I return shoes?
    expected: 30 days
  - question: How fast is express shipping?
    expected: 1-2 business days
evaluators:
  - name: states-expected
    string:
      contains: '{{expected}}'
`;

const inputs = (extra: Record<string, string> = {}) => ({
  'base-url': server.url,
  model: 'test-model',
  'min-score': '0',
  ...extra,
});

describe('baseline', () => {
  it('base-ref: a PR that breaks one case shows exactly that case as flipped', async () => {
    const dir = workspace({ 'prompts/support.prompt.yml': promptFile('v1') });
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'base');
    git(dir, 'checkout', '-q', '-b', 'pr');
    writeFiles(dir, { 'prompts/support.prompt.yml': promptFile('v2') });
    git(dir, 'commit', '-q', '-am', 'pr');
    const { report } = await runGate(
      dir,
      inputs({ baseline: 'base-ref', 'base-ref': 'main', 'max-regression': '0.1' }),
    );
    expect(report.data!.baseline!.cases).toHaveLength(2);
    expect(report.outputs).toMatchObject({ 'baseline-score': 1, score: 0.5, delta: -0.5, flipped: 1 });
    const flipped = report.tables.find((t) => t.title === 'Flipped against the baseline')!;
    expect(flipped.rows).toEqual([
      ['row 2: How fast is express shipping?', 'prompts/support.prompt.yml:10', 'pass', 'fail'],
    ]);
    expect(report.verdict).toBe('fail');
    expect(report.reasons.join()).toMatch(/score fell 50.0% against the baseline/);
  });

  it('base-ref: an unchanged suite costs no extra request', async () => {
    const dir = workspace({ 'prompts/support.prompt.yml': promptFile('v1') });
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'base');
    const before = server.chatRequests;
    const { report } = await runGate(
      dir,
      inputs({ baseline: 'base-ref', 'base-ref': 'main', cache: 'false' }),
    );
    expect(server.chatRequests - before).toBe(2);
    expect(report.outputs).toMatchObject({ delta: 0, flipped: 0 });
  });

  it('base-ref: a change of case-sensitive, expected or vars alone re-evaluates the base case', async () => {
    const evalSuite = (sensitive: boolean, expected: string, vars: string) =>
      `cases:\n  - name: returns\n    messages: [{role: user, content: "Can I return shoes?"}]\n    expected: "${expected}"\n    vars: {${vars}}\n    assert:\n      - contains: "30 DAYS"\n        case-sensitive: ${sensitive}\n`;
    const dir = workspace({
      'a.eval.yml': evalSuite(true, 'yes', ''),
      'b.eval.yml': evalSuite(false, 'yes', ''),
      'c.eval.yml': evalSuite(false, 'yes', ''),
    });
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'base');
    git(dir, 'checkout', '-q', '-b', 'pr');
    writeFiles(dir, {
      'a.eval.yml': evalSuite(false, 'yes', ''),
      'b.eval.yml': evalSuite(false, 'Yes, 30 days', ''),
      'c.eval.yml': evalSuite(false, 'yes', 'tone: formal'),
    });
    git(dir, 'commit', '-q', '-am', 'pr');
    const { report, log } = await runGate(
      dir,
      inputs({ suites: '*.eval.yml', baseline: 'base-ref', 'base-ref': 'main', cache: 'false' }),
    );
    expect(log.join('\n')).toMatch(/0 cases unchanged, 3 to evaluate/);
    // a.eval.yml was case-sensitive on the base branch: it failed there, so it flipped.
    expect(report.outputs).toMatchObject({ flipped: 1, score: 1 });
    expect(report.tables.find((t) => t.title === 'Flipped against the baseline')!.rows[0]![0]).toBe(
      'returns',
    );
  });

  it('path: compares with an earlier report', async () => {
    const dir = workspace({ 'prompts/support.prompt.yml': promptFile('v1') });
    const first = await runGate(dir, inputs());
    writeFileSync(path.join(dir, 'old.json'), JSON.stringify({ version: VERSION, ...first.report }));
    writeFiles(dir, { 'prompts/support.prompt.yml': promptFile('v2') });
    const { report } = await runGate(dir, inputs({ baseline: 'old.json' }));
    expect(report.outputs).toMatchObject({ 'baseline-score': 1, delta: -0.5, flipped: 1 });
  });

  it('path: a report of another version or shape is one clear error', async () => {
    const dir = workspace({ 'prompts/support.prompt.yml': promptFile('v1') });
    const first = await runGate(dir, inputs());
    const old = (report: object) => writeFileSync(path.join(dir, 'old.json'), JSON.stringify(report));
    old({ version: '9.0.0', ...first.report });
    await expect(runGate(dir, inputs({ baseline: 'old.json' }))).rejects.toThrow(
      `input 'baseline': old.json is a report of llmops 9.0.0, and this is llmops ${VERSION}: re-run llm-quality-gate with this version to write one it can read`,
    );
    old(first.report);
    await expect(runGate(dir, inputs({ baseline: 'old.json' }))).rejects.toThrow(
      `input 'baseline': old.json is a report of no llmops version, and this is llmops ${VERSION}`,
    );
    old({
      version: VERSION,
      ...first.report,
      data: { cases: [{ id: 'a', name: 'a', weight: 1, status: 'ok' }] },
    });
    await expect(runGate(dir, inputs({ baseline: 'old.json' }))).rejects.toThrow(
      /^input 'baseline': old.json is not a report of llm-quality-gate in this shape: 'data.cases.0.status': /,
    );
    old({ version: VERSION, action: 'safety-tests', data: {} });
    await expect(runGate(dir, inputs({ baseline: 'old.json' }))).rejects.toThrow(
      "input 'baseline': old.json is not a report of llm-quality-gate",
    );
  });
});

describe('baseline delta', () => {
  it('compares only cases both sides ran without error, and reports baseline errors', async () => {
    const dir = workspace({ 'prompts/support.prompt.yml': promptFile('v1') });
    const ids = (await runGate(dir, inputs())).report.data!.cases.map((c) => c.id);
    const record = (id: string, status: string) => ({
      id,
      name: id,
      weight: 1,
      status,
      passRate: status === 'pass' ? 1 : 0,
    });
    const old = {
      version: VERSION,
      action: 'llm-quality-gate',
      data: {
        cases: [record(ids[0]!, 'pass'), record(ids[1]!, 'error'), record('gone.eval.yml#x', 'pass')],
      },
    };
    writeFileSync(path.join(dir, 'old.json'), JSON.stringify(old));
    const lenient = await runGate(dir, inputs({ baseline: 'old.json', 'max-error-rate': '0.5' }));
    expect(lenient.report.outputs).toMatchObject({
      score: 1,
      'baseline-score': 1,
      delta: 0,
      'baseline-errors': 1,
    });
    expect(lenient.report.headline).toMatch(/vs baseline 100.0% on 1 cases both ran/);
    expect(lenient.report.verdict).toBe('pass');
    const strict = await runGate(dir, inputs({ baseline: 'old.json' }));
    expect(strict.report.verdict).toBe('inconclusive');
    expect(strict.report.reasons.join()).toMatch(
      /1 of 3 baseline cases errored .* not a reliable comparison/,
    );
  });
});

describe('cache', () => {
  it('a second identical run sends zero requests', async () => {
    const dir = workspace({ 'prompts/support.prompt.yml': promptFile('v1') });
    const first = await runGate(dir, inputs());
    expect(first.report.outputs).toMatchObject({ requests: 2, 'cache-hits': 0 });
    const before = server.chatRequests;
    const second = await runGate(dir, inputs());
    expect(server.chatRequests).toBe(before);
    expect(second.report.outputs).toMatchObject({
      requests: 0,
      'cache-hits': 2,
      score: first.report.outputs.score,
    });
  });
});

describe('cache key', () => {
  it('misses when the endpoint, the weights /models reports or the cache-salt change', async () => {
    const dir = workspace({ 'prompts/support.prompt.yml': promptFile('v1') });
    const requests = async (extra: Record<string, string> = {}) =>
      (await runGate(dir, inputs(extra))).report.outputs.requests;
    server.options.modelInfo = { root: '/models/llama-3.1-8b', max_model_len: 8192 };
    try {
      expect(await requests()).toBe(2);
      // The same endpoint spelled without /v1 is the same endpoint.
      expect(await requests({ 'base-url': server.url.replace(/\/v1$/, '') })).toBe(0);
      expect(await requests({ 'base-url': server.url.replace('127.0.0.1', 'localhost') })).toBe(2);
      server.options.modelInfo = { root: '/models/llama-3.1-8b-v2', max_model_len: 8192 };
      expect(await requests()).toBe(2);
      server.options.modelInfo = { root: '/models/llama-3.1-8b-v2', max_model_len: 32768 };
      expect(await requests()).toBe(2);
      expect(await requests({ 'cache-salt': 'sha256:abc' })).toBe(2);
      expect(await requests({ 'cache-salt': 'sha256:abc' })).toBe(0);
    } finally {
      server.options.modelInfo = undefined;
    }
  });

  it('leaves cached answers out of the latency SLO and says so', async () => {
    const dir = workspace({ 'prompts/support.prompt.yml': promptFile('v1') });
    await runGate(dir, inputs());
    const { report } = await runGate(dir, inputs({ 'slo-latency-ms': '60000' }));
    expect(report.outputs).toMatchObject({ requests: 0, 'latency-p95-ms': '' });
    expect(report.verdict).toBe('inconclusive');
    expect(report.reasons.join()).toMatch(/slo-latency-ms is set, but no latency was measured/);
    const latency = report.tables.find((t) => t.title === 'Latency in milliseconds')!;
    expect(latency.note).toMatch(/2 of 2 answers came from the response cache/);
  });
});

describe('shards', () => {
  it('a shard with no cases passes with a note instead of failing its job', async () => {
    const one = `name: one\nmessages:\n  - role: user\n    content: '{{question}}'\ntestData:\n  - question: Can I return shoes?\nevaluators:\n  - name: days\n    string:\n      contains: days\n`;
    const dir = workspace({ 'one.prompt.yml': one });
    const verdicts: string[] = [];
    for (const i of [1, 2, 3]) {
      const { report } = await runGate(dir, inputs({ shard: `${i}/3` }));
      verdicts.push(report.verdict);
      if (report.data!.cases.length === 0) {
        expect(report.headline).toMatch(/no eval cases in shard \d\/3/);
        expect(report.tables.find((t) => t.title === 'Notes')!.rows.join()).toMatch(/has no cases/);
      }
    }
    expect(verdicts).toEqual(['pass', 'pass', 'pass']);
  });

  it('1/3 + 2/3 + 3/3 merged equal a single run', async () => {
    const rows = Array.from(
      { length: 30 },
      (_, i) => `  - question: Is item ${i + 1} in stock?\n    expected: in stock\n`,
    ).join('');
    const suite = `name: stock\nmessages:\n  - role: user\n    content: '{{question}}'\ntestData:\n${rows}evaluators:\n  - name: in-stock\n    string:\n      contains: '{{expected}}'\n`;
    const dir = workspace({ 'stock.prompt.yml': suite });
    const single = (await runGate(dir, inputs({ cache: 'false' }))).report;
    const ids = new Set<string>();
    for (const i of [1, 2, 3]) {
      const { report } = await runGate(dir, inputs({ shard: `${i}/3` }));
      expect(report.data!.cases.length).toBeGreaterThan(0);
      expect(report.data!.cases.length).toBeLessThan(30);
      for (const c of report.data!.cases) {
        expect(ids.has(c.id)).toBe(false);
        ids.add(c.id);
      }
      writeFileSync(path.join(dir, `shard-${i}.json`), JSON.stringify({ version: VERSION, ...report }));
    }
    const merged = (await runGate(dir, { 'merge-reports': 'shard-*.json' })).report;
    const pick = (o: Record<string, unknown>) => ({
      score: o.score,
      passed: o.passed,
      failed: o.failed,
      errored: o.errored,
    });
    expect(pick(merged.outputs)).toEqual(pick(single.outputs));
    expect(single.outputs).toMatchObject({ passed: 23, failed: 7 });
    expect(merged.verdict).toBe(single.verdict);
    expect(new Set(merged.data!.cases.map((c) => c.id))).toEqual(
      new Set(single.data!.cases.map((c) => c.id)),
    );

    // A shard judges no score on its slice; the merge judges min-score on all cases.
    const strict = { 'min-score': '0.99', 'max-error-rate': '0' };
    for (const i of [1, 2, 3]) {
      const { report } = await runGate(dir, inputs({ shard: `${i}/3`, ...strict }));
      expect(report.verdict).toBe('pass');
      writeFileSync(path.join(dir, `strict-${i}.json`), JSON.stringify({ version: VERSION, ...report }));
    }
    const strictMerge = (await runGate(dir, { 'merge-reports': 'strict-*.json' })).report;
    expect(strictMerge.verdict).toBe('fail');
    expect(strictMerge.reasons.join()).toMatch(/below min-score 99.0%/);

    // The same shard twice (a re-run job uploading again) is an error, not a double count.
    writeFileSync(path.join(dir, 'shard-9.json'), readFileSync(path.join(dir, 'shard-3.json')));
    await expect(runGate(dir, { 'merge-reports': 'shard-*.json' })).rejects.toThrow(
      /shard 3\/3 appears in two reports \(.*shard-3.json and .*shard-9.json\)/,
    );
    rmSync(path.join(dir, 'shard-9.json'));
    // Shards judged with other thresholds cannot be merged into one verdict.
    const third = readFileSync(path.join(dir, 'shard-3.json'));
    const other = (await runGate(dir, inputs({ shard: '3/3', 'min-score': '0.5' }))).report;
    writeFileSync(path.join(dir, 'shard-3.json'), JSON.stringify({ version: VERSION, ...other }));
    await expect(runGate(dir, { 'merge-reports': 'shard-*.json' })).rejects.toThrow(
      /shard reports ran with different settings: .*minScore 0,.*minScore 0.5/,
    );
    // A shard written by another release is read by no guess at its shape.
    writeFileSync(path.join(dir, 'shard-3.json'), JSON.stringify({ ...other, version: '0.0.1' }));
    await expect(runGate(dir, { 'merge-reports': 'shard-*.json' })).rejects.toThrow(
      `input 'merge-reports': shard-3.json is a report of llmops 0.0.1, and this is llmops ${VERSION}`,
    );
    writeFileSync(path.join(dir, 'shard-3.json'), third);

    // A lost shard job fails the merge instead of shrinking the verdict to fewer cases.
    rmSync(path.join(dir, 'shard-2.json'));
    await expect(runGate(dir, { 'merge-reports': 'shard-*.json' })).rejects.toThrow(
      'shard reports are incomplete: missing 2/3 (have 1/3, 3/3)',
    );
  });
});
