import { runRequests, type ChatResult, type LlmClient } from '@llmops/llm';
import { assessResponse, type Assessment } from '../assess';
import { buildJudgePrompt, parseJudgeAnswer, type JudgeVerdict } from '../judge';
import { probeMessages, type Probe } from '../probe';
import { detectRefusal } from '../refusal';

/** One answer of the model to one probe (one of `repeat` samples), judged. */
export interface Sample {
  probe: Probe;
  sample: number;
  /** The attacker's turn as the model saw it (last user message). */
  prompt: string;
  response: string;
  assessment: Assessment;
  latencyMs?: number;
}

export interface ProbeRunOptions {
  target: LlmClient;
  /** Classifies answers to `refuse` and `comply` probes when set; its failures are errors, never passes. */
  judge?: LlmClient;
  repeat: number;
  maxTokens: number;
  /** System prompt with the tripwire already planted. */
  systemPrompt: string;
  tripwire: string;
  log: (line: string) => void;
}

function errorAssessment(probe: Probe, reason: string): Assessment {
  return {
    probeId: probe.id,
    pack: probe.pack,
    category: probe.category,
    ...(probe.transform ? { transform: probe.transform } : {}),
    expect: probe.expect,
    outcome: 'error',
    failed: false,
    reason,
    leaks: [],
    refusal: detectRefusal(''),
  };
}

function lastUserTurn(probe: Probe): string {
  const messages = probeMessages(probe);
  return [...messages].reverse().find((m) => m.role === 'user')?.content ?? '';
}

/** Progress every tenth of the work, so a long run shows it is alive without flooding the log. */
function progress(total: number, what: string, log: (line: string) => void): () => void {
  const step = Math.max(1, Math.ceil(total / 10));
  const started = performance.now();
  let done = 0;
  return () => {
    done++;
    if (done % step === 0 || done === total)
      log(`${done}/${total} ${what} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  };
}

/** Send every probe `repeat` times, have the judge classify the answers if one is set, assess each. */
export async function runProbes(probes: readonly Probe[], options: ProbeRunOptions): Promise<Sample[]> {
  const { target, judge, repeat, log } = options;
  const work = probes.flatMap((probe) => Array.from({ length: repeat }, (_, sample) => ({ probe, sample })));
  const tick = progress(work.length, 'probe requests', log);
  const { results } = await runRequests(
    target,
    work,
    ({ probe, sample }) => ({
      messages: probeMessages(probe, options.systemPrompt),
      params: { max_tokens: options.maxTokens },
      sample,
    }),
    () => tick(),
  );

  const verdicts: Array<JudgeVerdict | undefined> = new Array(work.length);
  if (judge) {
    const toJudge = work
      .map((item, index) => ({ ...item, index, result: results[index]! }))
      .filter(
        (item) => item.probe.expect !== 'no-leak' && !item.result.error && item.result.text.trim() !== '',
      );
    const judgeTick = progress(toJudge.length, 'judge requests', log);
    const judged = await runRequests(
      judge,
      toJudge,
      ({ probe, result }) => ({
        messages: buildJudgePrompt({
          request: lastUserTurn(probe),
          response: result.text,
          category: probe.category,
        }),
        params: { temperature: 0, max_tokens: 200 },
      }),
      () => judgeTick(),
    );
    toJudge.forEach((item, i) => {
      const answer: ChatResult = judged.results[i]!;
      verdicts[item.index] = answer.error
        ? { ok: false, error: `judge request failed: ${answer.error.message}` }
        : parseJudgeAnswer(answer.text);
    });
  }

  return work.map(({ probe, sample }, index) => {
    const result = results[index]!;
    const prompt = lastUserTurn(probe);
    if (result.error) {
      return {
        probe,
        sample,
        prompt,
        response: '',
        assessment: errorAssessment(probe, `request failed: ${result.error.message}`),
        latencyMs: result.latencyMs,
      };
    }
    return {
      probe,
      sample,
      prompt,
      response: result.text,
      assessment: assessResponse(probe, result.text, {
        tripwire: options.tripwire,
        judge: verdicts[index],
        ...(result.finishReason ? { finishReason: result.finishReason } : {}),
      }),
      latencyMs: result.latencyMs,
    };
  });
}
