import { renderMarkdown } from '@llmops/core';
import { startTestServer, type ChatBody, type TestServer } from '@llmops/llm/test-server';
import { runGate, workspace } from './gate-fixtures';

let candidate: TestServer;
let production: TestServer;
let mostOpen = { candidate: 0, production: 0 };

/** Watch the most chat requests one server had open at once. */
function watch(server: TestServer, side: 'candidate' | 'production') {
  let open = 0;
  server.http!.on('request', (req, res) => {
    if (req.method !== 'POST') return;
    mostOpen[side] = Math.max(mostOpen[side], ++open);
    res.on('close', () => open--);
  });
}

const RIGHT = 'Returns are accepted within 30 days.';
const order = (body: ChatBody) => Number(/order (\d+)/.exec(body.messages?.at(-1)?.content ?? '')?.[1]);

beforeAll(async () => {
  candidate = await startTestServer({ models: ['candidate-model'], answer: RIGHT });
  production = await startTestServer({ models: ['production-model'], answer: RIGHT });
  watch(candidate, 'candidate');
  watch(production, 'production');
});
afterAll(async () => {
  await candidate.stop();
  await production.stop();
});
beforeEach(() => {
  for (const server of [candidate, production]) {
    server.script(() => undefined);
    server.options.latencyMs = 0;
  }
  mostOpen = { candidate: 0, production: 0 };
});

const suite = (n: number) =>
  `name: returns\ncases:\n${Array.from(
    { length: n },
    (_, i) => `  - name: order-${i}
    messages: [{role: user, content: "Can I return shoes, order ${i}?"}]
    assert: [{contains: "30 days"}]
`,
  ).join('')}`;

function compare(cases: number, inputs: Record<string, string> = {}) {
  return runGate(workspace({ 'returns.eval.yml': suite(cases) }), {
    'base-url': candidate.url,
    model: 'candidate-model',
    'compare-base-url': production.url,
    'compare-model': 'production-model',
    'compare-api-key': 'sk-production-secret',
    cache: 'false',
    'min-score': '0',
    ...inputs,
  });
}

describe('comparison mode', () => {
  it('passes two endpoints that give the same answers, each asked every case once', async () => {
    const before = [candidate.chatRequests, production.chatRequests];
    const { report } = await compare(12, { 'min-agreement': '1', 'max-score-drop': '0' });
    expect(report.verdict).toBe('pass');
    expect(report.outputs).toMatchObject({
      agreement: 1,
      'answer-f1': 1,
      'score-drop': 0,
      'compare-score': 1,
    });
    expect([candidate.chatRequests - before[0]!, production.chatRequests - before[1]!]).toEqual([12, 12]);
    expect(report.outputs['compare-completion-tokens']).toBe(12 * 6);
    expect(report.tables.map((t) => t.title)).not.toContain('Disagreements with production, worst first');
  });

  it('measures the share of cases that disagree, fails min-agreement and max-score-drop, and lists them worst first', async () => {
    // 5 of 20 cases (25%) answered differently by the candidate, one of them hostile markdown.
    candidate.script((body) => {
      const i = order(body);
      if (i === 3) return 'Email <b>@octocat</b> [here](https://evil.example) for 14 days.';
      return i < 5 ? 'Returns are accepted within 14 days.' : undefined;
    });
    const { report } = await compare(20, { 'min-agreement': '0.8', 'max-score-drop': '0.1' });
    expect(report.verdict).toBe('fail');
    expect(report.outputs.agreement).toBe(0.75);
    expect(report.outputs['score-drop']).toBe(0.25);
    const agree = report.tables[0]!.rows.find((r) => r[0] === 'Answers agree')!;
    // The share set (75%) inside the interval printed beside it.
    expect(agree[3]).toMatch(/^75\.0% \(95% CI 53\.1%–88\.8%\) exact · token F1 0\.\d\d over 20 cases$/);
    expect(report.reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/agree with production on 75\.0% of 20 cases, below min-agreement 80\.0%/),
        expect.stringMatching(/25\.0% below production on 20 cases.*max-score-drop 10\.0%/),
      ]),
    );
    const table = report.tables.find((t) => t.title === 'Disagreements with production, worst first')!;
    expect(table.rows).toHaveLength(5);
    expect(table.rows.every((r) => r[2] === 'fail' && r[3] === 'pass')).toBe(true);
    // Worst first: the answer furthest from production's (the hostile one shares fewest words).
    expect(table.rows[0]![0]).toBe('order-3');
    const markdown = renderMarkdown(report, { maxBytes: 65_000 });
    expect(markdown).toContain('| order-3 | returns.eval.yml:12 | fail | pass |');
    expect(markdown).not.toContain('<b>');
    expect(markdown).not.toMatch(/@octocat|\]\(https/);
    expect(markdown).not.toContain('sk-production-secret');

    const lenient = await compare(20, { 'min-agreement': '0.7', 'max-score-drop': '0.3' });
    expect(lenient.report.verdict).toBe('pass');
  });

  it('finds a candidate twice as slow to first token, and fails max-ttft-increase within the interval it prints', async () => {
    // Long enough that this machine's own overhead (a few ms, more under load) barely moves the ratio.
    candidate.options.latencyMs = 300;
    production.options.latencyMs = 150;
    const { report } = await compare(24, { 'max-ttft-increase': '0.2', concurrency: '4' });
    expect(report.verdict).toBe('fail');
    const increase = Number(report.outputs['ttft-increase']);
    expect(increase).toBeGreaterThan(0.85);
    expect(increase).toBeLessThan(1.05);
    expect(report.reasons.join('\n')).toMatch(
      /time to first token vs production \+\d+\.\d% \(95% CI \+\d+\.\d% to \+\d+\.\d%, 24 cases\): over max-ttft-increase \+20\.0%/,
    );
    // The same concurrency budget on each endpoint, however much slower one is.
    expect(mostOpen.candidate).toBeLessThanOrEqual(4);
    expect(mostOpen.production).toBeLessThanOrEqual(4);
  });

  it('passes max-ttft-increase when both endpoints are equally fast', async () => {
    candidate.options.latencyMs = 40;
    production.options.latencyMs = 40;
    const { report } = await compare(24, { 'max-ttft-increase': '0.2', 'max-latency-increase': '0.2' });
    expect(report.verdict).toBe('pass');
    expect(Math.abs(Number(report.outputs['ttft-increase']))).toBeLessThan(0.1);
  });

  it('is inconclusive when a few cases straddle the limit, and when nothing was timed', async () => {
    production.options.latencyMs = 40;
    const candidateMs = [40, 60, 48];
    candidate.script((body) => ({ text: RIGHT, latencyMs: candidateMs[order(body)] }));
    const few = await compare(3, { 'max-ttft-increase': '0.2' });
    expect(few.report.verdict).toBe('inconclusive');
    expect(few.report.reasons.join('\n')).toMatch(
      /straddles max-ttft-increase \+20\.0% with too few cases to tell \(3 timed/,
    );

    candidate.script(() => undefined);
    const unstreamed = await compare(3, { 'max-ttft-increase': '0.2', stream: 'false' });
    expect(unstreamed.report.verdict).toBe('inconclusive');
    expect(unstreamed.report.reasons.join('\n')).toMatch(/max-ttft-increase is set, but 0 cases were timed/);
  });

  it('leaves cases production errored on out of the score comparison, and counts them', async () => {
    production.script((body) => (order(body) === 0 ? { fault: { kind: 'status', status: 400 } } : undefined));
    const { report } = await compare(20, { 'max-score-drop': '0' });
    expect(report.outputs['score-drop']).toBe(0);
    expect(report.verdict).toBe('pass');
    const table = report.tables.find((t) => t.title === 'Disagreements with production, worst first')!;
    expect(table.rows).toEqual([expect.arrayContaining(['order-0', 'pass', 'error', 'not both answered'])]);
  });

  it('asks a configured judge which answer is better in both orders, and counts a position-biased verdict as a tie', async () => {
    candidate.script((body) => (order(body) < 5 ? 'Returns are accepted within 14 days.' : undefined));
    const judge = await startTestServer({ models: ['judge-model'] });
    let biased = false;
    judge.script((body) => {
      const prompt = body.messages?.at(-1)?.content ?? '';
      if (biased) return 'A reads better.\nBETTER: A';
      const [a, b] = prompt.split('## Answer B').map((part) => part.includes('30 days'));
      return `Checked the window.\nBETTER: ${a === b ? 'TIE' : a ? 'A' : 'B'}`;
    });
    try {
      const judged = { 'judge-base-url': judge.url, 'judge-model': 'judge-model' };
      const fair = await compare(20, judged);
      const row = (r: typeof fair.report) =>
        r.tables[0]!.rows.find((cells) => String(cells[0]).startsWith("Judge's preference"));
      expect(row(fair.report)).toEqual([
        "Judge's preference (asked in both orders)",
        '0 better',
        '5 better',
        '15 ties or split verdicts',
      ]);
      expect(Number(fair.report.outputs['judge-completion-tokens'])).toBeGreaterThan(0);
      biased = true;
      const always = await compare(20, judged);
      expect(row(always.report)?.slice(1)).toEqual(['0 better', '0 better', '20 ties or split verdicts']);
      // Without a judge of its own choosing, the candidate is not asked to referee itself.
      const none = await compare(4);
      expect(row(none.report)).toBeUndefined();
    } finally {
      await judge.stop();
    }
  });

  it('compares the test double with itself in a local run (the demo), labelled as such', async () => {
    const dir = workspace({
      'returns.eval.yml': suite(3),
      'double.json': JSON.stringify({ models: ['scripted'], answer: RIGHT }),
    });
    const before = [candidate.chatRequests, production.chatRequests];
    const { report } = await runGate(
      dir,
      {
        'base-url': candidate.url,
        model: 'candidate-model',
        'compare-base-url': production.url,
        'compare-model': 'production-model',
        cache: 'false',
      },
      { LLMOPS_TEST_DOUBLE: `${dir}/double.json` },
    );
    expect(report.data!.comparison!.model).toBe('scripted (test double)');
    expect(report.outputs).toMatchObject({ agreement: 1, 'score-drop': 0 });
    expect([candidate.chatRequests, production.chatRequests]).toEqual(before);
  });

  it.each<[string, Record<string, string>, string | RegExp]>([
    ['compare-base-url without compare-model', { 'compare-model': '' }, "input 'compare-model' is required"],
    ['compare-base-url not a URL', { 'compare-base-url': 'prod:8000' }, "input 'compare-base-url' has value"],
    [
      'compare-model without compare-base-url',
      { 'compare-base-url': '' },
      "input 'compare-model' is set but 'compare-base-url' is not",
    ],
    ['min-agreement out of range', { 'min-agreement': '1.5' }, /input 'min-agreement' has value '1\.5'/],
    [
      'max-ttft-increase negative',
      { 'max-ttft-increase': '-0.1' },
      /input 'max-ttft-increase'.*expected a number/,
    ],
    ['comparison in a shard', { shard: '1/2' }, "input 'shard' cannot be used with 'compare-base-url'"],
  ])('%s fails before any request', async (_, bad, message) => {
    const before = [candidate.chatRequests, production.chatRequests];
    const seen: string[] = [];
    const count = (req: { url?: string }) => seen.push(req.url ?? '');
    candidate.http!.on('request', count);
    production.http!.on('request', count);
    try {
      await expect(compare(2, bad)).rejects.toThrow(message);
    } finally {
      candidate.http!.off('request', count);
      production.http!.off('request', count);
    }
    expect(seen).toEqual([]);
    expect([candidate.chatRequests, production.chatRequests]).toEqual(before);
  });
});
