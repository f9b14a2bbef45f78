import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

// Commands a `run:` script calls that cannot run here (kubectl against a cluster, kustomize,
// docker) are stand-ins: small executables first on PATH that hand their arguments, working
// folder, environment and stdin to a function in the test process and print what it returns.

export interface CommandCall {
  args: string[];
  cwd: string;
  env: Record<string, string>;
  stdin: string;
}

export interface CommandResult {
  code: number;
  stdout?: string;
  stderr?: string;
}

export type CommandStandIn = (call: CommandCall) => CommandResult | Promise<CommandResult>;

export const URL_VARIABLE = 'LLMOPS_COMMAND_STAND_IN_URL';

const shim = (node: string, command: string) => `#!${node}
// Stand-in for \`${command}\`: the test's function answers (see test/pipeline/command-shims.ts).
let stdin = '';
if (!process.stdin.isTTY) for await (const chunk of process.stdin) stdin += chunk;
const response = await fetch(process.env.${URL_VARIABLE}, {
  method: 'POST',
  body: JSON.stringify({ command: ${JSON.stringify(command)}, args: process.argv.slice(2), cwd: process.cwd(), env: process.env, stdin }),
});
const result = await response.json();
process.stdout.write(result.stdout ?? '');
process.stderr.write(result.stderr ?? '');
process.exitCode = result.code;
`;

export class CommandShims {
  /** Put this folder first on PATH. */
  readonly bin: string;
  /** Every call, in order, for assertions. */
  readonly calls: Array<{ command: string } & CommandCall & CommandResult> = [];
  url = '';
  private server?: Server;

  constructor(private readonly commands: Record<string, CommandStandIn>) {
    this.bin = mkdtempSync(path.join(tmpdir(), 'llmops-shims-'));
    for (const command of Object.keys(commands)) {
      const file = path.join(this.bin, command);
      writeFileSync(file, shim(process.execPath, command));
      chmodSync(file, 0o755);
    }
  }

  async start(): Promise<this> {
    this.server = createServer(async (req, res) => {
      let body = '';
      for await (const chunk of req) body += chunk;
      const call = JSON.parse(body) as { command: string } & CommandCall;
      let result: CommandResult;
      try {
        result = await this.commands[call.command]!(call);
      } catch (error) {
        result = { code: 1, stderr: `${call.command} (stand-in): ${(error as Error).message}\n` };
      }
      this.calls.push({ ...call, ...result });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(result));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => (this.server ? this.server.close(resolve) : resolve(undefined)));
  }
}
