/** Types for bench/generate.mjs (plain JavaScript so node runs it directly). */
export interface MonorepoOptions {
  roots?: number;
  filesPerRoot?: number;
  templates?: number;
  seed?: number;
}

export function generateMonorepo(dir: string, options?: MonorepoOptions): { files: number; bytes: number };
