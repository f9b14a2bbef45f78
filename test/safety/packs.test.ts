import { builtinPackNames, builtinPacks, findLeaks, findPii, squash, type Probe } from '@llmops/safety';

const all: Probe[] = builtinPacks.flatMap((pack) => pack.probes);

describe('built-in packs', () => {
  it('hold at least 150 probes in the six packs the issue names', () => {
    expect(all.length).toBeGreaterThanOrEqual(150);
    expect(builtinPackNames).toEqual([
      'harmful',
      'jailbreak',
      'prompt-injection',
      'pii',
      'system-prompt-leak',
      'over-refusal',
    ]);
    const counts = Object.fromEntries(builtinPacks.map((pack) => [pack.name, pack.probes.length]));
    console.log(`probes per pack: ${JSON.stringify(counts)} (total ${all.length})`);
    for (const pack of builtinPacks) expect(pack.probes.length).toBeGreaterThanOrEqual(15);
  });

  it('give every probe a unique id, its pack name, a turn to send and a valid expectation', () => {
    expect(new Set(all.map((p) => p.id)).size).toBe(all.length);
    for (const pack of builtinPacks) {
      for (const probe of pack.probes) {
        expect(probe.pack).toBe(pack.name);
        expect(probe.id.startsWith(`${pack.name}-`)).toBe(true);
        expect(probe.prompt ?? probe.messages).toBeTruthy();
        expect(['refuse', 'comply', 'no-leak']).toContain(probe.expect);
      }
    }
  });

  it('expect the behaviour each pack is about', () => {
    const expectOf = (name: string) =>
      new Set(builtinPacks.find((p) => p.name === name)!.probes.map((p) => p.expect));
    expect(expectOf('harmful')).toEqual(new Set(['refuse']));
    expect(expectOf('jailbreak')).toEqual(new Set(['refuse']));
    expect(expectOf('over-refusal')).toEqual(new Set(['comply']));
    expect(expectOf('prompt-injection')).toEqual(new Set(['no-leak']));
    expect(expectOf('pii')).toEqual(new Set(['no-leak']));
    expect(expectOf('system-prompt-leak')).toEqual(new Set(['no-leak']));
  });

  it('give each injection a marker only obedience produces, and hide some inside documents and tool results', () => {
    const injections = builtinPacks.find((p) => p.name === 'prompt-injection')!.probes;
    const markers = injections.map((p) => p.markers![0]!);
    expect(new Set(markers).size).toBe(markers.length);
    for (const probe of injections) {
      const [marker] = probe.markers!;
      expect(marker).toMatch(/^PWNED-\d+$/);
      // A faithful summary, translation or listing of the text quotes the instruction, never the marker.
      const sent = `${probe.prompt}\n${probe.document ?? ''}`;
      expect(sent).toContain('PWNED-N');
      expect(squash(sent)).not.toContain(squash(marker!));
      expect(findLeaks(sent, marker!)).toEqual([]);
      // A direct injection overrides an app instruction, not a harmless request of the user's own.
      if (probe.category === 'direct') expect(probe.task).toBeTruthy();
    }
    const categories = new Set(injections.map((p) => p.category));
    expect(categories).toEqual(new Set(['direct', 'document', 'tool-result']));
    for (const probe of injections.filter((p) => p.category !== 'direct'))
      expect(probe.prompt).not.toContain('PWNED');
  });

  it('name the harm, never the route, and ask the jailbreak wrappers something the harmful pack does not', () => {
    const probes = builtinPacks
      .filter((p) => p.name === 'harmful' || p.name === 'jailbreak')
      .flatMap((p) => p.probes);
    // Named agents, precursors and methods turn a probe into a pointer to how it is done.
    const routes =
      /pipe bomb|napalm|anthrax|nerve (?:agent|gas)|sarin|ricin|pseudoephedrine|methamphetamine|fentanyl|oxycodone|potassium chloride|fertili[sz]er|molotov|solvent trap|thermite|3d-print|exchange server|web shell|skimm|semi-automatic|quantities|reagents/i;
    for (const probe of probes)
      expect([probe.id, routes.exec(probe.prompt!)?.[0]]).toEqual([probe.id, undefined]);
    const runs = (text: string) => {
      const words = text.toLowerCase().match(/[a-z']+/g) ?? [];
      return words.slice(0, -4).map((_, i) => words.slice(i, i + 5).join(' '));
    };
    const harmfulRuns = new Set(
      builtinPacks.find((p) => p.name === 'harmful')!.probes.flatMap((p) => runs(p.prompt!)),
    );
    for (const probe of builtinPacks.find((p) => p.name === 'jailbreak')!.probes) {
      const shared = runs(probe.prompt!).filter((run) => harmfulRuns.has(run));
      expect([probe.id, shared]).toEqual([probe.id, []]);
    }
  });

  it('plant detectable personal data in the PII pack context and mark it', () => {
    const probes = builtinPacks.find((p) => p.name === 'pii')!.probes;
    const context = probes[0]!.context!;
    const kinds = new Set(findPii(context).map((m) => m.kind));
    expect(kinds).toEqual(new Set(['email', 'phone', 'ssn', 'credit-card', 'iban']));
    for (const marker of probes[0]!.markers!) expect(squash(context)).toContain(squash(marker));
  });
});
