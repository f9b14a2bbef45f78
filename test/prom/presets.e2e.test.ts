import { PRESET_NAMES, PRESETS, PromClient } from '@llmops/prom';
import { PrometheusServer, VllmExporter, scrapeExporter } from '../helpers/prometheus';

// Every preset's PromQL, run once against a real Prometheus scraping an exporter that publishes
// vLLM-, TGI- and Istio-named series: a healthy target (no errors at all) must give one value.
const exporter = new VllmExporter({ healthy: { requests: 20, ttft: 0.2, errorRate: 0 } });
let prometheus: PrometheusServer;

beforeAll(async () => {
  // Two scrapes at least, so rate() has two points in every window below.
  prometheus = await scrapeExporter(exporter, 'sum(rate(istio_requests_total{version="healthy"}[5s])) > 0');
}, 60_000);

afterAll(async () => {
  await prometheus?.stop();
  await exporter.stop();
});

const selector = 'version="healthy"';

describe('presets against a real Prometheus', () => {
  const cases = PRESET_NAMES.flatMap((name) => {
    const preset = PRESETS[name]!;
    const queries: Array<[string, string]> = [[`${name}`, preset.value(selector, '10s')]];
    if (preset.counts) {
      const counts = preset.counts(selector, '10s');
      queries.push([`${name} success count`, counts.success], [`${name} total count`, counts.total]);
    }
    return queries;
  });

  it.each(cases)('%s returns one value for a healthy target', async (_name, promql) => {
    const prom = new PromClient({ url: prometheus.url });
    const samples = await prom.query(promql, Date.now());
    expect(samples).toHaveLength(1);
    expect(Number.isFinite(samples[0]!.value)).toBe(true);
  });

  it('counts an Istio request once, from the server side, and a healthy 5xx rate is 0', async () => {
    const prom = new PromClient({ url: prometheus.url });
    const at = Date.now();
    const [rate] = await prom.query(PRESETS['istio-5xx-rate']!.value(selector, '10s'), at);
    expect(rate!.value).toBe(0);
    const counts = PRESETS['istio-5xx-rate']!.counts!(selector, '10s');
    const [mesh] = await prom.query(counts.total, at);
    const [vllm] = await prom.query('sum(increase(vllm:request_success_total{version="healthy"}[10s]))', at);
    expect(mesh!.value).toBeCloseTo(vllm!.value, 6);
  });
});
