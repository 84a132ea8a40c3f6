import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT, sourceFiles } from './import-graph';

/**
 * A file a reader can hold in mind: no product file (lib/, components/,
 * entrypoints/; tests excluded) over 400 lines and no function over 120 lines.
 * Data is exempt (catalogues, default templates, i18n messages); every other
 * exception is named here with its reason, and one no longer needed fails.
 */
const MAX_FILE_LINES = 400;
const MAX_FUNCTION_LINES = 120;

const FILE_EXCEPTIONS: Record<string, string> = {
  'lib/checklists/default-checklists.ts': 'data: the default checklists shipped in the default pack',
  'lib/crypto/danish-words.ts': 'data: the Danish word list for generated passphrases and the strength estimator',
  'lib/templates/default-templates.ts': 'data: the default templates shipped in the default pack',
};

/** "path#function" → reason. */
const FUNCTION_EXCEPTIONS: Record<string, string> = {};

const isTest = (path: string) => /\.test\.tsx?$/.test(path) || path.includes('/__tests__/');

function productFiles(): string[] {
  return ['lib', 'components', 'entrypoints'].flatMap(sourceFiles).filter((path) => !isTest(path));
}

const lineCount = (text: string) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

function nameOf(node: ts.Node, source: ts.SourceFile): string {
  const named = node as { name?: ts.Node };
  if (named.name) return named.name.getText(source);
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent))
    return parent.name.getText(source);
  if (ts.isCallExpression(parent)) return `${nameOf(parent, source)}(callback)`;
  if (ts.isExportAssignment(parent)) return 'default';
  return `anonymous@${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
}

/** Every function, method and arrow function in a file with its length in lines. */
export function functionLengths(path: string): { name: string; lines: number }[] {
  const text = readFileSync(join(ROOT, path), 'utf8');
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const out: { name: string; lines: number }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && (node as { body?: ts.Node }).body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      out.push({ name: nameOf(node, source), lines: end - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

let files: { path: string; lines: number }[] | undefined;
const measured = () =>
  (files ??= productFiles().map((path) => ({ path, lines: lineCount(readFileSync(join(ROOT, path), 'utf8')) })));

let functions: { key: string; lines: number }[] | undefined;
const measuredFunctions = () =>
  (functions ??= productFiles().flatMap((path) =>
    functionLengths(path).map(({ name, lines }) => ({ key: `${path}#${name}`, lines })),
  ));

// Parsing every product file takes a few seconds on a busy machine.
describe('size of product code', { timeout: 60_000 }, () => {
  it(`no product file is over ${MAX_FILE_LINES} lines unless listed`, () => {
    const long = measured().filter((f) => f.lines > MAX_FILE_LINES && !(f.path in FILE_EXCEPTIONS));
    expect(long.map((f) => `${f.path}: ${f.lines} lines`)).toEqual([]);
  });

  it(`no product function is over ${MAX_FUNCTION_LINES} lines unless listed`, () => {
    const long = measuredFunctions().filter((f) => f.lines > MAX_FUNCTION_LINES && !(f.key in FUNCTION_EXCEPTIONS));
    expect(long.map((f) => `${f.key}: ${f.lines} lines`)).toEqual([]);
  });

  it('every listed exception is still over the line', () => {
    const longFiles = new Set(
      measured()
        .filter((f) => f.lines > MAX_FILE_LINES)
        .map((f) => f.path),
    );
    const longFunctions = new Set(
      measuredFunctions()
        .filter((f) => f.lines > MAX_FUNCTION_LINES)
        .map((f) => f.key),
    );
    expect([
      ...Object.keys(FILE_EXCEPTIONS).filter((path) => !longFiles.has(path)),
      ...Object.keys(FUNCTION_EXCEPTIONS).filter((key) => !longFunctions.has(key)),
    ]).toEqual([]);
  });

  it('measures functions of every kind', () => {
    const lengths = functionLengths('tests/meta/size.test.ts');
    expect(lengths.find((f) => f.name === 'functionLengths')?.lines).toBeGreaterThan(10);
    expect(lengths.some((f) => f.name === 'measured')).toBe(true);
  });
});
