import { describe, expect, it, vi } from 'vitest';
import { lazySchema, z } from './zod';

describe('lazySchema', () => {
  it('builds the schema on first use, once', () => {
    const build = vi.fn(() => z.strictObject({ name: z.string(), age: z.number().int().optional() }));
    const schema = lazySchema(build);
    expect(build).not.toHaveBeenCalled();
    expect(schema.parse({ name: 'Ane' })).toEqual({ name: 'Ane' });
    expect(schema.safeParse({ name: 'Ane', extra: 1 }).success).toBe(false);
    expect(build).toHaveBeenCalledOnce();
  });

  it('stands in for the schema wherever zod takes one', () => {
    const item = lazySchema(() => z.strictObject({ id: z.string().min(1) }));
    const kind = lazySchema(() => z.enum(['a', 'b']));
    const list = lazySchema(() => z.object({ items: z.array(item), kind }));
    const extended = lazySchema(() => list.extend({ more: item.optional() }));
    const union = lazySchema(() =>
      z.discriminatedUnion('type', [
        z.object({ type: z.literal('x'), list }),
        z.object({ type: z.literal('y'), kind }),
      ]),
    );

    expect(extended.parse({ items: [{ id: '1' }], kind: 'a', more: { id: '2' } })).toEqual({
      items: [{ id: '1' }],
      kind: 'a',
      more: { id: '2' },
    });
    expect(extended.safeParse({ items: [{ id: '' }], kind: 'a' }).success).toBe(false);
    expect(union.parse({ type: 'y', kind: 'b' })).toEqual({ type: 'y', kind: 'b' });
    expect(kind.options).toEqual(['a', 'b']);
    expect(Object.keys(list.shape)).toEqual(['items', 'kind']);
    expect(list).toBeInstanceOf(z.ZodObject);
    expect('shape' in list).toBe(true);
    expect(z.toJSONSchema(list)).toMatchObject({ type: 'object', required: ['items', 'kind'] });
  });

  it('keeps the types of the schema it builds', () => {
    const schema = lazySchema(() => z.object({ n: z.number() }));
    const value: z.infer<typeof schema> = schema.parse({ n: 1 });
    expect(value.n).toBe(1);
  });
});
