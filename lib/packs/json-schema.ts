import { z } from '../zod';
import { packSchema } from './schema';

/**
 * The JSON Schema team leads author packs against (public/pack.schema.json).
 * Cross-field rules (unique ids, links between items) live only in the zod
 * schema; importing a pack still checks them.
 */
export function packJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(packSchema, { io: 'input', unrepresentable: 'any' }) as unknown as Record<
    string,
    unknown
  > & { properties: { templates: { items: Record<string, unknown> } } };
  // The one cross-field rule an editor can check as the team lead types: a
  // template that is not internal has a legal basis and a source.
  Object.assign(schema.properties.templates.items, {
    if: { properties: { internal: { const: true } }, required: ['internal'] },
    else: { required: ['legalBasis', 'sourceUrl'] },
  });
  return { ...schema, $id: 'https://sidevogn.invalid/pack.schema.json', title: 'Sidevogn pack' };
}
