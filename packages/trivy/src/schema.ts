import { UserError } from '@llmops/core';
import { z } from 'zod';

// Trivy JSON report, SchemaVersion 2 (pkg/types/report.go in aquasecurity/trivy):
//   { SchemaVersion, ArtifactName, ArtifactType, Metadata, Results[] }
//   Results[]: { Target, Class, Type, Packages[], Vulnerabilities[], Misconfigurations[], Secrets[], Licenses[] }
//   Licenses[] (DetectedLicense, pkg/fanal/types/artifact.go): { Severity, Category, PkgName, FilePath,
//     Name, Text, Confidence, Link }; Class `license` for package licenses (PkgName set), `license-file`
//     for licenses found in files (FilePath set).
// Trivy omits empty fields (`omitempty`), so every array may be absent; fields we do not read are
// dropped, so a newer Trivy's additions parse too.

/** An array Trivy may omit or write as null: absent means empty. */
const list = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((value) => value ?? []);
/** A field we read but can live without: a value of the wrong type is treated as absent. */
const opt = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const text = () => opt(z.string());
const int = () => opt(z.number().int());

const cvss = z.object({ V3Score: opt(z.number()), V40Score: opt(z.number()), V2Score: opt(z.number()) });

const vulnerability = z.object({
  VulnerabilityID: z.string(),
  PkgID: text(),
  PkgName: text(),
  PkgPath: text(),
  PkgIdentifier: opt(z.object({ PURL: text(), UID: text() })),
  InstalledVersion: text(),
  FixedVersion: text(),
  Status: text(),
  SeveritySource: text(),
  PrimaryURL: text(),
  Title: text(),
  Description: text(),
  Severity: text(),
  References: opt(list(z.string())),
  CVSS: opt(z.record(z.string(), cvss.catch({}))),
});

const misconfiguration = z.object({
  Type: text(),
  ID: text(),
  AVDID: text(),
  Title: text(),
  Description: text(),
  Message: text(),
  Resolution: text(),
  Severity: text(),
  PrimaryURL: text(),
  References: opt(list(z.string())),
  Status: text(),
  CauseMetadata: opt(z.object({ Resource: text(), StartLine: int(), EndLine: int() })),
});

const secret = z.object({
  RuleID: z.string(),
  Category: text(),
  Severity: text(),
  Title: text(),
  StartLine: int(),
  EndLine: int(),
  Match: text(),
});

const license = z.object({
  Severity: text(),
  Category: text(),
  PkgName: text(),
  FilePath: text(),
  Name: text(),
  Confidence: opt(z.number()),
  Link: text(),
});

const pkg = z.object({
  ID: text(),
  Name: text(),
  Version: text(),
  Identifier: opt(z.object({ PURL: text(), UID: text() })),
  Locations: opt(list(z.object({ StartLine: int(), EndLine: int() }))),
});

const result = z.object({
  Target: z.string(),
  Class: text(),
  Type: text(),
  Packages: list(pkg),
  Vulnerabilities: list(vulnerability),
  Misconfigurations: list(misconfiguration),
  Secrets: list(secret),
  Licenses: list(license),
});

export const trivyReportSchema = z.object({
  SchemaVersion: z.literal(2),
  // Trivy always names what it scanned; a report without it is not a scan that found nothing.
  ArtifactName: z.string().min(1),
  ArtifactType: z.string().min(1),
  Trivy: opt(z.object({ Version: text() })),
  Results: list(result),
});

export type TrivyReport = z.output<typeof trivyReportSchema>;
export type TrivyResult = TrivyReport['Results'][number];
export type TrivyVulnerability = TrivyResult['Vulnerabilities'][number];
export type TrivyPackage = TrivyResult['Packages'][number];

/** Parse Trivy's JSON output; anything that is not a schema-2 Trivy report is refused with one line. */
export function parseTrivyReport(json: string, file: string): TrivyReport {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new UserError(
      `${file} is not JSON (${(error as Error).message}): expected Trivy's --format json output`,
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UserError(`${file} is not a Trivy JSON report: expected an object with SchemaVersion 2`);
  }
  const version = (value as Record<string, unknown>).SchemaVersion;
  if (version === undefined) {
    throw new UserError(
      `${file} is not a Trivy JSON report: it has no SchemaVersion (was it written with --format json?)`,
    );
  }
  if (version !== 2) {
    throw new UserError(
      `${file} is a Trivy report of SchemaVersion ${JSON.stringify(version)}; only 2 is supported`,
    );
  }
  const missing = (['ArtifactName', 'ArtifactType'] as const).filter((key) => {
    const field = (value as Record<string, unknown>)[key];
    return typeof field !== 'string' || field === '';
  });
  if (missing.length) {
    throw new UserError(
      `${file} is not a complete Trivy report: it has no ${missing.join(' or ')}, so it cannot stand for a clean scan`,
    );
  }
  const parsed = trivyReportSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
    throw new UserError(
      `${file} is not a valid Trivy JSON report: ${where.replace(/^\./, '') || 'root'}: ${issue.message}`,
    );
  }
  return parsed.data;
}
