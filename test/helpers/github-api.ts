import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  body: unknown;
}

/**
 * A loopback stand-in for the GitHub REST API: issues, issue comments and check runs, enough for
 * the sticky comment, tracking issue and check-run reporters. Records every request.
 */
export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  readonly comments: Array<{ id: number; body: string; user: { login: string; type: string } }> = [];
  readonly issues: Array<{
    number: number;
    title: string;
    body: string;
    state: 'open' | 'closed';
    user: { login: string; type: string };
    comments: string[];
  }> = [];
  readonly checkRuns: Array<{ id: number; body: Record<string, unknown>; annotations: unknown[] }> = [];
  private server?: Server;
  private nextId = 100;
  url = '';

  async start(): Promise<this> {
    this.server = createServer(async (req, res) => {
      const body = await readBody(req);
      this.requests.push({ method: req.method!, url: req.url!, body });
      const reply = (status: number, data: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(data));
      };
      const url = new URL(req.url!, 'http://x');
      const b = body as Record<string, unknown>;
      // An installation token cannot read /user, as with GITHUB_TOKEN.
      if (url.pathname === '/user') return reply(403, { message: 'Resource not accessible by integration' });
      const bot = { login: 'github-actions[bot]', type: 'Bot' };
      if (/\/repos\/[^/]+\/[^/]+\/issues$/.test(url.pathname) && req.method === 'GET')
        return reply(
          200,
          this.issues.filter((i) => i.state === (url.searchParams.get('state') ?? 'open')),
        );
      if (/\/repos\/[^/]+\/[^/]+\/issues$/.test(url.pathname) && req.method === 'POST') {
        const issue = {
          number: this.nextId++,
          title: String(b.title),
          body: String(b.body),
          state: 'open' as const,
          user: bot,
          comments: [],
        };
        this.issues.push(issue);
        return reply(201, issue);
      }
      const issueAt = /\/issues\/(\d+)(\/comments)?$/.exec(url.pathname);
      const issue = issueAt && this.issues.find((i) => i.number === Number(issueAt[1]));
      if (issue && issueAt[2] && req.method === 'POST') {
        issue.comments.push(String(b.body));
        return reply(201, { id: this.nextId++, body: b.body });
      }
      if (issue && !issueAt[2] && req.method === 'PATCH') {
        Object.assign(issue, b.title === undefined ? {} : { title: String(b.title) });
        Object.assign(issue, b.body === undefined ? {} : { body: String(b.body) });
        if (b.state === 'open' || b.state === 'closed') issue.state = b.state;
        return reply(200, issue);
      }
      if (/\/issues\/\d+\/comments$/.test(url.pathname) && req.method === 'GET')
        return reply(200, this.comments);
      if (/\/issues\/\d+\/comments$/.test(url.pathname) && req.method === 'POST') {
        // Comments made with the runner's GITHUB_TOKEN are authored by the Actions bot.
        const comment = {
          id: this.nextId++,
          body: String(b.body),
          user: { login: 'github-actions[bot]', type: 'Bot' },
        };
        this.comments.push(comment);
        return reply(201, comment);
      }
      const edit = /\/issues\/comments\/(\d+)$/.exec(url.pathname);
      if (edit && req.method === 'PATCH') {
        const comment = this.comments.find((c) => c.id === Number(edit[1]));
        if (!comment) return reply(404, { message: 'Not Found' });
        comment.body = String(b.body);
        return reply(200, comment);
      }
      if (/\/check-runs$/.test(url.pathname) && req.method === 'POST') {
        const run = {
          id: this.nextId++,
          body: b,
          annotations: [...((b.output as { annotations?: unknown[] })?.annotations ?? [])],
        };
        this.checkRuns.push(run);
        return reply(201, { id: run.id });
      }
      const update = /\/check-runs\/(\d+)$/.exec(url.pathname);
      if (update && req.method === 'PATCH') {
        const run = this.checkRuns.find((r) => r.id === Number(update[1]));
        if (!run) return reply(404, { message: 'Not Found' });
        run.annotations.push(...((b.output as { annotations?: unknown[] })?.annotations ?? []));
        return reply(200, { id: run.id });
      }
      reply(404, { message: `no route for ${req.method} ${url.pathname}` });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }

  /** Environment for a pull_request run whose API calls come here. */
  env(eventPath: string): Record<string, string> {
    return {
      GITHUB_API_URL: this.url,
      GITHUB_REPOSITORY: 'acme/llm-app',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_SHA: 'a'.repeat(40),
      GITHUB_RUN_ID: '42',
      GITHUB_SERVER_URL: 'https://github.com',
    };
  }
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text;
  }
}

/** A pull_request event payload file, as the runner writes it. */
export function pullRequestEvent(number = 7): string {
  return JSON.stringify({ pull_request: { number, head: { sha: 'b'.repeat(40) }, base: { ref: 'main' } } });
}
