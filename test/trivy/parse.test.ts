import { isUserError } from '@llmops/core';
import { gatedSeverities, loadAllowlist, parseTrivyReport } from '@llmops/trivy';
import { osPackages, trivyReport, workspace } from './reports';

const parse = (value: unknown) =>
  parseTrivyReport(typeof value === 'string' ? value : JSON.stringify(value), 'report.json');
const failure = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
};

describe('Trivy JSON (SchemaVersion 2)', () => {
  it('treats absent and null arrays as empty', () => {
    const report = parse({
      SchemaVersion: 2,
      ArtifactName: 'x',
      ArtifactType: 'filesystem',
      Results: [{ Target: 't', Vulnerabilities: null }],
    });
    expect(report.Results[0]).toMatchObject({
      Vulnerabilities: [],
      Misconfigurations: [],
      Secrets: [],
      Packages: [],
    });
    expect(parse(trivyReport({ name: 'x', type: 'filesystem' }, undefined)).Results).toEqual([]);
  });

  it('tolerates unknown fields and odd types in fields it can do without', () => {
    const report = trivyReport({ name: 'img', type: 'container_image' }, [
      { ...osPackages([{ id: 'CVE-1', pkg: 'p', installed: '1', severity: 'HIGH' }]), NewThing: true },
    ]);
    (
      report.Results as Array<{ Vulnerabilities: Array<Record<string, unknown>> }>
    )[0]!.Vulnerabilities[0]!.CVSS = { nvd: { V3Score: 'high' } };
    expect(parse(report).Results[0]!.Vulnerabilities[0]!.VulnerabilityID).toBe('CVE-1');
  });

  it('refuses what is not a Trivy report, saying why', () => {
    expect(failure(() => parse('not json')).message).toMatch(/^report.json is not JSON/);
    expect(failure(() => parse([1])).message).toBe(
      'report.json is not a Trivy JSON report: expected an object with SchemaVersion 2',
    );
    expect(failure(() => parse({ SchemaVersion: 1, Results: [] })).message).toBe(
      'report.json is a Trivy report of SchemaVersion 1; only 2 is supported',
    );
    expect(failure(() => parse({ SchemaVersion: 2 })).message).toBe(
      'report.json is not a complete Trivy report: it has no ArtifactName or ArtifactType, so it cannot stand for a clean scan',
    );
    expect(failure(() => parse({ SchemaVersion: 2, ArtifactName: 'img', Results: [] })).message).toContain(
      'it has no ArtifactType',
    );
    const bad = failure(() =>
      parse({
        SchemaVersion: 2,
        ArtifactName: 'x',
        ArtifactType: 'filesystem',
        Results: [{ Vulnerabilities: [] }],
      }),
    );
    expect(isUserError(bad)).toBe(true);
    expect(bad.message).toMatch(/^report.json is not a valid Trivy JSON report: Results\[0\]\.Target: /);
  });
});

describe('severity gate', () => {
  it('is a threshold at the lowest listed severity; UNKNOWN only when listed', () => {
    expect([...gatedSeverities(['CRITICAL', 'HIGH'])]).toEqual(['CRITICAL', 'HIGH']);
    expect([...gatedSeverities(['MEDIUM'])]).toEqual(['CRITICAL', 'HIGH', 'MEDIUM']);
    expect([...gatedSeverities(['CRITICAL', 'UNKNOWN'])]).toEqual(['CRITICAL', 'UNKNOWN']);
  });
});

describe('allowlist file', () => {
  const load = (text: string) => {
    const ws = workspace({ 'allow.yml': text });
    return loadAllowlist(ws, 'allow.yml');
  };

  it('reads entries with their lines', async () => {
    const list = await load(
      '# accepted risks\n- id: CVE-1\n  reason: r\n  expires: 2030-01-31\n  target: "usr/*"\n',
    );
    expect(list.entries).toEqual([
      { id: 'CVE-1', reason: 'r', expires: '2030-01-31', target: 'usr/*', line: 2 },
    ]);
  });

  it('refuses a misspelt key on its line instead of ignoring it', async () => {
    const error = await load(
      '- id: CVE-1\n  reason: r\n  expires: 2030-01-01\n- id: CVE-2\n  reason: r\n  expires: 2030-01-01\n  pakage: openssl\n',
    ).catch((e: unknown) => e);
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toBe(
      "allowlist entry 2: unknown key 'pakage' (allowed: id, reason, expires, package, target)",
    );
    expect(error).toMatchObject({ file: 'allow.yml', line: 7 });
  });

  // At the value the schema refused when there is one, else at the entry.
  it.each([
    ['- id: CVE-1\n  expires: 2030-01-01\n', 'reason is required', 1, 3],
    ['- id: CVE-1\n  reason: "  "\n  expires: 2030-01-01\n', 'reason is required', 2, 11],
    ['- id: CVE-1\n  reason: r\n', 'expires is required', 1, 3],
    ['- id: CVE-1\n  reason: r\n  expires: 2030-02-30\n', "expires '2030-02-30' is not a date", 3, 12],
    ['id: CVE-1\n', 'allowlist must be a YAML list', 1, 1],
  ])('refuses %j', async (text, message, line, column) => {
    const error = await load(text).catch((e: unknown) => e);
    expect(isUserError(error)).toBe(true);
    expect((error as Error).message).toContain(message);
    expect(error).toMatchObject({ file: 'allow.yml', line, column });
  });
});
