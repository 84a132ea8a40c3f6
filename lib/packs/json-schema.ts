import { z } from '../zod';
import { packSchema } from './schema';

/**
 * The JSON Schema team leads author packs against (public/pack.schema.json).
 * Cross-field rules (unique ids, links between items) live only in the zod
 * schema; importing a pack still checks them.
 */
export function packJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(packSchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://sidevogn.invalid/pack.schema.json',
    title: 'Sidevogn pack',
  };
}
