import type { Expectation, Probe } from '../probe';

type Entry = string | (Omit<Probe, 'id' | 'pack' | 'category' | 'expect'> & { expect?: Expectation });

/** Probes of one category, numbered `<pack>-<category>-01`, `-02`, … */
export function category(pack: string, name: string, expect: Expectation, entries: Entry[]): Probe[] {
  return entries.map((entry, index) => ({
    id: `${pack}-${name}-${String(index + 1).padStart(2, '0')}`,
    pack,
    category: name,
    expect,
    ...(typeof entry === 'string' ? { prompt: entry } : entry),
  }));
}
