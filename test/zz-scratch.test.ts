import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { defaultConfig } from '../src/config/load.js';
import { DEFAULT_LIMITS } from '../src/parse/plugin.js';
import { cloudFormationParser } from '../src/parse/cloudformation/index.js';
import { buildInventory } from '../src/inventory/build.js';
import { inventoryText } from '../src/report/text.js';
import { plainStyle } from '../src/report/style.js';
import { folderFileSet } from '../src/sources/folder.js';
import { loadSourceFiles, isCandidatePath } from '../src/sources/load.js';

it('scratch', async () => {
  for (const dir of ['cfn-import-value/after', 'sam-app/after', 'cdk-synth/after']) {
    const fs = folderFileSet(`fixtures/scenarios/${dir}`);
    const { files } = await loadSourceFiles(fs, { limits: DEFAULT_LIMITS, wanted: isCandidatePath });
    const claimed = files.filter((f) => cloudFormationParser.claims(f));
    const parsed = cloudFormationParser.parse(claimed, { files: new Map(files.map((f) => [f.path, f])), limits: DEFAULT_LIMITS, scpPaths: [] });
    const inv = buildInventory(parsed, defaultConfig());
    console.log(inventoryText(inv, plainStyle, dir));
  }
});
