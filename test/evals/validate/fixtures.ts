import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A temp workspace with the given files (path → content). */
export function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'llmops-ws-'));
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

/** A valid GitHub Models prompt file; pass lines to replace parts. */
export function promptYml(
  parts: { head?: string; messages?: string; testData?: string; tail?: string } = {},
): string {
  return [
    parts.head ??
      'name: support\nversion: 1.0.0\nmodel: openai/gpt-4o-mini\nmodelParameters:\n  maxTokens: 100',
    parts.messages ??
      'messages:\n  - role: system\n    content: You help customers.\n  - role: user\n    content: "{{question}}"',
    parts.testData ?? 'testData:\n  - question: Where is my order?\n    expected: On its way.',
    parts.tail ?? 'evaluators:\n  - name: polite\n    string:\n      contains: order',
  ].join('\n');
}
