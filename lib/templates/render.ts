/**
 * Note bodies use a small Mustache subset, rendered to plain text (nothing is
 * ever interpreted as HTML):
 *
 *   {{field}}                 the field's value, formatted for Danish prose
 *   {{#field}}…{{/field}}     shown when the field has a value (yes, non-empty)
 *   {{^field}}…{{/field}}     shown when it has none
 *   {{#field=value}}…{{/field=value}}  shown when a choice field equals value
 *                             (a yes/no field: `=true` or `=false`, never when unanswered)
 *
 * A line holding only a section tag disappears with its line break, so
 * sections do not leave blank lines behind.
 */

export type Token =
  | { kind: 'text'; text: string }
  | { kind: 'var'; name: string }
  | { kind: 'section'; name: string; equals: string | null; inverted: boolean; children: Token[] };

export class TemplateSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`Line ${line}: ${message}`);
    this.name = 'TemplateSyntaxError';
  }
}

// A name is a field id (FIELD_ID_PATTERN in ./vocabulary: Danish letters since pack format 5).
const TAG = /\{\{\s*([#^/]?)\s*([a-zA-ZæøåÆØÅ][\wæøåÆØÅ]*)(?:\s*=\s*([^}]*?))?\s*\}\}/g;
const STANDALONE = /^[ \t]*(\{\{\s*[#^/][^}]*\}\})[ \t]*(?:\r?\n|$)/gm;

export function parseBody(body: string): Token[] {
  const source = body.replace(STANDALONE, '$1');
  const root: Token[] = [];
  const stack: { token: Extract<Token, { kind: 'section' }>; key: string; line: number }[] = [];
  const lineAt = (index: number) => source.slice(0, index).split('\n').length;
  const current = () => stack.at(-1)?.token.children ?? root;
  let last = 0;

  for (const m of source.matchAll(TAG)) {
    const [whole, sigil, name, equals] = m as unknown as [string, string, string, string | undefined];
    const index = m.index ?? 0;
    if (index > last) current().push({ kind: 'text', text: source.slice(last, index) });
    last = index + whole.length;
    const key = equals === undefined ? name : `${name}=${equals.trim()}`;
    if (sigil === '#' || sigil === '^') {
      const token: Extract<Token, { kind: 'section' }> = {
        kind: 'section',
        name,
        equals: equals === undefined ? null : equals.trim(),
        inverted: sigil === '^',
        children: [],
      };
      current().push(token);
      stack.push({ token, key, line: lineAt(index) });
    } else if (sigil === '/') {
      const open = stack.pop();
      if (!open) throw new TemplateSyntaxError(`{{/${key}}} closes a section that was never opened`, lineAt(index));
      if (open.key !== key)
        throw new TemplateSyntaxError(
          `{{/${key}}} closes {{#${open.key}}} (opened on line ${open.line})`,
          lineAt(index),
        );
    } else {
      if (equals !== undefined)
        throw new TemplateSyntaxError(`{{${key}}}: "=" only belongs in a section`, lineAt(index));
      current().push({ kind: 'var', name });
    }
  }
  if (last < source.length) current().push({ kind: 'text', text: source.slice(last) });
  const open = stack.pop();
  if (open) throw new TemplateSyntaxError(`{{#${open.key}}} is never closed`, open.line);
  if (/\{\{|\}\}/.test(source.replace(TAG, ''))) {
    const stray = source.replace(TAG, (t) => ' '.repeat(t.length)).search(/\{\{|\}\}/);
    throw new TemplateSyntaxError('Unreadable placeholder (use {{name}})', lineAt(stray));
  }
  return root;
}

/** Every field name the body refers to. */
export function referencedNames(tokens: Token[]): Set<string> {
  const names = new Set<string>();
  const walk = (ts: Token[]) => {
    for (const t of ts) {
      if (t.kind === 'var') names.add(t.name);
      if (t.kind === 'section') {
        names.add(t.name);
        walk(t.children);
      }
    }
  };
  walk(tokens);
  return names;
}

export interface RenderScope {
  /** The field's value as text, '' when empty. */
  text(name: string): string;
  /** Whether the field has a value (or, with `equals`, that value). */
  has(name: string, equals: string | null): boolean;
}

export function renderTokens(tokens: Token[], scope: RenderScope): string {
  let out = '';
  for (const t of tokens) {
    if (t.kind === 'text') out += t.text;
    else if (t.kind === 'var') out += scope.text(t.name);
    else if (scope.has(t.name, t.equals) !== t.inverted) out += renderTokens(t.children, scope);
  }
  return out;
}

/**
 * Tidies the result: no trailing spaces, no runs of spaces inside a line, no
 * doubled full stop where typed text meets a fixed sentence, at most one blank
 * line in a row.
 */
export function tidy(text: string): string {
  return text
    .replace(/[ \t]+$/gm, '')
    .replace(/(\S)[ \t]{2,}/g, '$1 ')
    .replace(/(?<!\.)\.\.(?!\.)/g, '.')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
