// `llmops init` flags. Not an action: it has no action.yml, so its flags are defined here.

export const ROUTERS = ['istio', 'gateway-api', 'kserve', 'service'] as const;
export type Router = (typeof ROUTERS)[number];

export interface InitArgs {
  router: Router;
  dryRun: boolean;
  force: boolean;
  /** `<owner>/<name>@<ref>` of the llmops copy the workflows use; undefined: from the CLI's own clone. */
  llmops?: string;
  help: boolean;
}

/** A problem with the command line: exit 2 with this one line. */
export class InitUsageError extends Error {}

export const INIT_HELP = `Usage: llmops init [--router istio|gateway-api|kserve|service] [--dry-run] [--force] [--llmops <owner>/<name>@<ref>]

Scaffold llmops in the git repository around the current directory: the two starter workflows
(with the repository's default branch), a first eval suite from the prompt files found (or the
built-in smoke suite), the reference serving image (Dockerfile, .dockerignore) and the reference
manifests under deploy/k8s/ for the chosen router. Existing files are kept unless --force.

  --router   traffic router of the canary rollout (default: istio)
  --dry-run  print the files instead of writing them
  --force    overwrite files that exist
  --llmops   the llmops repository and ref the workflows' \`uses:\` name (default: the GitHub
             repository this CLI was cloned from, at @v1)
`;

const OWNER_NAME_REF = /^[A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9._-]+@[A-Za-z0-9._/-]+$/;

export function parseInitArgs(args: readonly string[]): InitArgs {
  const parsed: InitArgs = { router: 'istio', dryRun: false, force: false, help: false };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i]!.split(/=(.*)/s) as [string, string | undefined];
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined || v.startsWith('--')) throw new InitUsageError(`flag '${flag}' needs a value`);
      return v;
    };
    switch (flag) {
      case '--router': {
        const router = value();
        if (!(ROUTERS as readonly string[]).includes(router))
          throw new InitUsageError(`--router has value '${router}': expected one of ${ROUTERS.join(', ')}`);
        parsed.router = router as Router;
        break;
      }
      case '--llmops': {
        const ref = value();
        if (!OWNER_NAME_REF.test(ref))
          throw new InitUsageError(
            `--llmops has value '${ref}': expected <owner>/<name>@<ref>, e.g. acme/llmops@v1`,
          );
        parsed.llmops = ref;
        break;
      }
      case '--dry-run':
        parsed.dryRun = true;
        break;
      case '--force':
        parsed.force = true;
        break;
      case '--help':
      case '-h':
        parsed.help = true;
        break;
      default:
        throw new InitUsageError(
          `unknown argument '${args[i]}'; llmops init takes --router, --dry-run, --force, --llmops`,
        );
    }
  }
  return parsed;
}
