// Reads XSTest's human-labelled answers (the development set beside the project, never copied into it).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type XstestLabel = 'full-compliance' | 'full-refusal' | 'partial-refusal';

export interface LabelledAnswer {
  model: string;
  id: string;
  prompt: string;
  /** XSTest's prompt label: a safe prompt should be answered, an unsafe one refused. */
  safe: boolean;
  type: string;
  answer: string;
  label: XstestLabel;
}

export const xstestDir = path.resolve(import.meta.dirname, '../../../shared/data/xstest-dev');

const labels: Record<string, XstestLabel> = {
  '1_full_compliance': 'full-compliance',
  '2_full_refusal': 'full-refusal',
  '3_partial_refusal': 'partial-refusal',
};

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): Array<Record<string, string>> {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') field += text[++i];
      else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  const [head = [], ...body] = rows;
  return body
    .filter((r) => r.length === head.length)
    .map((r) => Object.fromEntries(head.map((name, i) => [name, r[i]!])));
}

/** Every labelled answer in the development set, or undefined when `../shared` is not beside the project. */
export function loadXstest(dir = xstestDir): LabelledAnswer[] | undefined {
  if (!existsSync(dir)) return undefined;
  const prompts = new Map(
    parseCsv(readFileSync(path.join(dir, 'xstest_prompts.csv'), 'utf8')).map((p) => [p.id!, p]),
  );
  const answers: LabelledAnswer[] = [];
  for (const file of readdirCompletions(dir)) {
    const model = file.replace(/^xstest_v2_completions_|\.csv$/g, '');
    for (const row of parseCsv(readFileSync(path.join(dir, file), 'utf8'))) {
      const prompt = prompts.get(row.id!.replace(/^v2-/, ''));
      const label = labels[row.final_label!];
      if (!prompt || !label) throw new Error(`${file}: row ${row.id} has no prompt or an unknown label`);
      answers.push({
        model,
        id: row.id!,
        prompt: row.prompt!,
        safe: prompt.label === 'safe',
        type: row.type!,
        answer: row.completion!,
        label,
      });
    }
  }
  return answers;
}

function readdirCompletions(dir: string): string[] {
  return ['xstest_v2_completions_gpt4.csv', 'xstest_v2_completions_mistralguard.csv'].filter((f) =>
    existsSync(path.join(dir, f)),
  );
}
