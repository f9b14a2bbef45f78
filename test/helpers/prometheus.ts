import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** A free TCP port on loopback (closed again before it is returned). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A real Prometheus (Debian's package, `PROMETHEUS_BIN` to override) on a free loopback port,
 * with a generated config scraping `targets` every second and a throwaway data directory.
 */
export class PrometheusServer {
  url = '';
  private child?: ChildProcess;
  private dir = '';
  private log = '';

  /** Targets as `host:port`, or with labels Prometheus puts on their series (as service discovery does). */
  constructor(private readonly targets: Array<string | { target: string; labels: Record<string, string> }>) {}

  async start(): Promise<this> {
    this.dir = mkdtempSync(path.join(tmpdir(), 'llmops-prom-'));
    const config = path.join(this.dir, 'prometheus.yml');
    writeFileSync(
      config,
      [
        'global:',
        '  scrape_interval: 1s',
        '  scrape_timeout: 1s',
        '  evaluation_interval: 1s',
        'scrape_configs:',
        '  - job_name: exporter',
        '    static_configs:',
        ...this.targets.map((t) =>
          typeof t === 'string'
            ? `      - targets: ['${t}']`
            : `      - { targets: ['${t.target}'], labels: ${JSON.stringify(t.labels)} }`,
        ),
        '',
      ].join('\n'),
    );
    for (let attempt = 0; attempt < 3; attempt++) {
      const port = await freePort();
      this.url = `http://127.0.0.1:${port}`;
      this.log = '';
      const child = spawn(
        process.env.PROMETHEUS_BIN ?? 'prometheus',
        [
          `--config.file=${config}`,
          `--storage.tsdb.path=${path.join(this.dir, `data-${attempt}`)}`,
          `--web.listen-address=127.0.0.1:${port}`,
          '--log.level=warn',
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      this.child = child;
      child.stdout!.on('data', (d) => (this.log += d));
      child.stderr!.on('data', (d) => (this.log += d));
      if (await this.waitReady(child, 20_000)) return this;
      await this.stop(false);
    }
    throw new Error(`Prometheus did not start:\n${this.log.slice(-2000)}`);
  }

  private async waitReady(child: ChildProcess, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) return false;
      try {
        const response = await fetch(`${this.url}/-/ready`, { signal: AbortSignal.timeout(1000) });
        if (response.ok) return true;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    return false;
  }

  /** Wait until an instant query returns at least one non-NaN value (scrapes have landed). */
  async waitFor(promql: string, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      try {
        const response = await fetch(`${this.url}/api/v1/query?${new URLSearchParams({ query: promql })}`);
        const body = (await response.json()) as { data?: { result?: Array<{ value: [number, string] }> } };
        if (body.data?.result?.some((r) => r.value[1] !== 'NaN')) return;
      } catch {
        // keep waiting
      }
      await sleep(250);
    }
    throw new Error(`Prometheus never answered ${promql} with data`);
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Stop the process (SIGTERM, then SIGKILL after 5 s) and, unless kept, remove its data. */
  async stop(cleanup = true): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    if (cleanup && this.dir) rmSync(this.dir, { recursive: true, force: true });
  }
}

/** What one version of the model serves per scrape: the test sets it, the exporter publishes it. */
export interface Traffic {
  /** Requests finished per scrape; 0 = no traffic. */
  requests: number;
  /** Typical time to first token, seconds (observations spread ±10% around it). */
  ttft: number;
  /** Share of requests that abort (not `stop`). */
  errorRate?: number;
  /** Gauges. */
  waiting?: number;
  kvCache?: number;
}

// vLLM's TTFT histogram buckets (vllm/v1/metrics/loggers.py), trimmed.
const TTFT_BUCKETS = [0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

/**
 * A loopback exporter with vLLM-named metrics for several `version` labels — and the TGI and
 * Istio series the presets read, so every preset can run against it. On every scrape it records
 * one batch of requests per version from its current `Traffic`, so rates and quantiles follow
 * what the test sets. Istio's series come from both sidecars (`reporter` source and destination),
 * as in a mesh; errors are 503s there.
 */
export class VllmExporter {
  readonly traffic = new Map<string, Traffic>();
  url = '';
  host = '';
  scrapes = 0;
  private server?: Server;
  private readonly registry = new Registry();
  private readonly ttft = new Histogram({
    name: 'vllm:time_to_first_token_seconds',
    help: 'Histogram of time to first token in seconds.',
    labelNames: ['model_name', 'version'],
    buckets: TTFT_BUCKETS,
    registers: [this.registry],
  });
  private readonly e2e = new Histogram({
    name: 'vllm:e2e_request_latency_seconds',
    help: 'Histogram of e2e request latency in seconds.',
    labelNames: ['model_name', 'version'],
    buckets: [0.3, 0.5, 0.8, 1, 1.5, 2, 2.5, 5, 10, 15, 20, 30, 40, 50, 60],
    registers: [this.registry],
  });
  private readonly success = new Counter({
    name: 'vllm:request_success_total',
    help: 'Count of successfully processed requests.',
    labelNames: ['model_name', 'version', 'finished_reason'],
    registers: [this.registry],
  });
  private readonly tokens = new Counter({
    name: 'vllm:generation_tokens_total',
    help: 'Number of generation tokens processed.',
    labelNames: ['model_name', 'version'],
    registers: [this.registry],
  });
  private readonly waiting = new Gauge({
    name: 'vllm:num_requests_waiting',
    help: 'Number of requests waiting to be processed.',
    labelNames: ['model_name', 'version'],
    registers: [this.registry],
  });
  private readonly kvCache = new Gauge({
    name: 'vllm:kv_cache_usage_perc',
    help: 'KV-cache usage. 1 means 100 percent usage.',
    labelNames: ['model_name', 'version'],
    registers: [this.registry],
  });

  private readonly itl = new Histogram({
    name: 'vllm:inter_token_latency_seconds',
    help: 'Histogram of inter-token latency in seconds.',
    labelNames: ['model_name', 'version'],
    buckets: [0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1],
    registers: [this.registry],
  });
  private readonly running = new Gauge({
    name: 'vllm:num_requests_running',
    help: 'Number of requests in model execution batches.',
    labelNames: ['model_name', 'version'],
    registers: [this.registry],
  });
  private readonly tgiDuration = new Histogram({
    name: 'tgi_request_duration',
    help: 'Request duration (TGI)',
    labelNames: ['version'],
    buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  private readonly tgiQueue = new Histogram({
    name: 'tgi_request_queue_duration',
    help: 'Time spent in the queue (TGI)',
    labelNames: ['version'],
    buckets: [0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [this.registry],
  });
  private readonly istioRequests = new Counter({
    name: 'istio_requests_total',
    help: 'Requests seen by the mesh (Istio standard metric)',
    labelNames: ['reporter', 'version', 'response_code'],
    registers: [this.registry],
  });
  private readonly istioDuration = new Histogram({
    name: 'istio_request_duration_milliseconds',
    help: 'Request duration in ms (Istio standard metric)',
    labelNames: ['reporter', 'version', 'response_code'],
    buckets: [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000],
    registers: [this.registry],
  });

  /** Values a broken exporter or a PromQL division may give (+Inf, -Inf, NaN), by `case` label. */
  private readonly odd = new Gauge({
    name: 'llmops_test_value',
    help: 'A value set by the test, as it is (the exposition format spells +Inf, -Inf and NaN).',
    labelNames: ['case'],
    registers: [this.registry],
  });

  constructor(initial: Record<string, Traffic> = {}) {
    for (const [version, traffic] of Object.entries(initial)) this.traffic.set(version, traffic);
  }

  /** Serve `llmops_test_value{case="<name>"} <value>` from now on. */
  setValue(name: string, value: number): void {
    this.odd.set({ case: name }, value);
  }

  set(version: string, traffic: Traffic): void {
    this.traffic.set(version, traffic);
  }

  private record(): void {
    for (const [version, t] of this.traffic) {
      const labels = { model_name: 'acme/llm-7b', version };
      this.waiting.set(labels, t.waiting ?? 0);
      this.kvCache.set(labels, t.kvCache ?? 0.5);
      const errors = Math.round(t.requests * (t.errorRate ?? 0));
      for (let i = 0; i < t.requests; i++) {
        const spread = 0.9 + (0.2 * i) / Math.max(1, t.requests - 1);
        this.ttft.observe(labels, t.ttft * spread);
        this.e2e.observe(labels, t.ttft * spread * 4);
      }
      if (t.requests - errors > 0)
        this.success.inc({ ...labels, finished_reason: 'stop' }, t.requests - errors);
      if (errors > 0) this.success.inc({ ...labels, finished_reason: 'abort' }, errors);
      if (t.requests > 0) this.tokens.inc(labels, t.requests * 100);
      this.running.set(labels, t.requests > 0 ? 4 : 0);
      for (let i = 0; i < t.requests; i++) {
        const spread = 0.9 + (0.2 * i) / Math.max(1, t.requests - 1);
        this.itl.observe(labels, 0.03 * spread);
        this.tgiDuration.observe({ version }, t.ttft * spread * 4);
        this.tgiQueue.observe({ version }, t.ttft * spread * 0.1);
        const code = i < errors ? '503' : '200';
        for (const reporter of ['source', 'destination']) {
          this.istioRequests.inc({ reporter, version, response_code: code });
          this.istioDuration.observe({ reporter, version, response_code: code }, t.ttft * spread * 4000);
        }
      }
    }
  }

  async start(): Promise<this> {
    this.server = createServer(async (req, res) => {
      if (req.url !== '/metrics') {
        res.writeHead(404).end();
        return;
      }
      this.scrapes++;
      this.record();
      res.writeHead(200, { 'content-type': this.registry.contentType });
      res.end(await this.registry.metrics());
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const port = (this.server.address() as AddressInfo).port;
    this.host = `127.0.0.1:${port}`;
    this.url = `http://${this.host}/metrics`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => (this.server ? this.server.close(resolve) : resolve(undefined)));
  }
}

/** Start the exporter and a Prometheus scraping it; ready once `ready` (a PromQL condition) holds. */
export async function scrapeExporter(exporter: VllmExporter, ready: string): Promise<PrometheusServer> {
  await exporter.start();
  const prometheus = await new PrometheusServer([exporter.host]).start();
  await prometheus.waitFor(ready);
  return prometheus;
}
