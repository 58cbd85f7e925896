/** The JSON Schema of `.github/kms-review.yml`, generated from the zod schema (`npm run schema`). */
import { z } from 'zod';
import { configSchema } from './schema.js';

export function configJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(configSchema, { io: 'input' }),
    $id: 'https://github.com/kms-review/kms-review/blob/main/docs/kms-review.schema.json',
    title: 'kms-review configuration (.github/kms-review.yml)',
  };
}
