#!/usr/bin/env node
/** Writes docs/kms-review.schema.json from the zod config schema (run after `npm run build`). */
import { writeFileSync } from 'node:fs';
import { configJsonSchema } from '../lib/config/json-schema.js';

writeFileSync(new URL('../docs/kms-review.schema.json', import.meta.url), `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
