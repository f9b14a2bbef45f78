import { parse } from 'yaml';

/** Where a workflow reads its settings: the repository, or one deployment environment. */
export interface SettingsScope {
  environment?: string;
  secrets: string[];
  variables: string[];
}

// The runner provides this one; the user never sets it.
const PROVIDED = new Set(['GITHUB_TOKEN']);

/**
 * The secrets and variables the workflows read, by the environment of the job that reads them
 * (read from the workflows themselves, so this list cannot drift from them).
 */
export function settingsToSet(workflows: readonly string[]): SettingsScope[] {
  const scopes = new Map<string, { secrets: Set<string>; variables: Set<string> }>();
  for (const text of workflows) {
    const jobs =
      (parse(text) as { jobs?: Record<string, { environment?: string | { name?: string } }> }).jobs ?? {};
    for (const job of Object.values(jobs)) {
      const env = typeof job.environment === 'string' ? job.environment : (job.environment?.name ?? '');
      const scope = scopes.get(env) ?? { secrets: new Set(), variables: new Set() };
      scopes.set(env, scope);
      for (const [, kind, name] of JSON.stringify(job).matchAll(
        /\b(secrets|vars)\.([A-Za-z_][A-Za-z0-9_]*)/g,
      )) {
        if (PROVIDED.has(name!)) continue;
        (kind === 'secrets' ? scope.secrets : scope.variables).add(name!);
      }
    }
  }
  return [...scopes]
    .filter(([, s]) => s.secrets.size || s.variables.size)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([environment, s]) => ({
      ...(environment ? { environment } : {}),
      secrets: [...s.secrets].sort(),
      variables: [...s.variables].sort(),
    }));
}

export function formatSettings(scopes: readonly SettingsScope[]): string[] {
  return scopes.map((s) => {
    const where = s.environment ? `environment '${s.environment}'` : 'repository';
    const parts = [
      s.secrets.length ? `secrets ${s.secrets.join(', ')}` : '',
      s.variables.length ? `variables ${s.variables.join(', ')}` : '',
    ].filter(Boolean);
    return `  ${where}: ${parts.join('; ')}`;
  });
}
