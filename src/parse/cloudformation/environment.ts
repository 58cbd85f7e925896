/** The environment a template's path implies (`stacks/prod/app.yaml` → prod), for `UnitInfo.environment`. */

/** Folder names that name an environment (compared case-insensitively). */
const ENVIRONMENT_SEGMENTS = new Set(['prod', 'production', 'dev', 'staging', 'test', 'qa', 'sandbox']);

/** The folder closest to the file wins: `envs/prod/test-data/x.yaml` is test, as its nearest folder says. */
export function environmentOfPath(path: string): { value: string; detail: string } | undefined {
  const folders = path.split('/').slice(0, -1).reverse();
  const segment = folders.find((folder) => ENVIRONMENT_SEGMENTS.has(folder.toLowerCase()));
  return segment ? { value: segment.toLowerCase(), detail: `path ${segment}` } : undefined;
}
