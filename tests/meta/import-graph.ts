import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** The repository root (this file lives in tests/meta/). */
export const ROOT = resolve(import.meta.dirname, '..', '..');

const SOURCE = /\.(ts|tsx)$/;

/** Every .ts/.tsx file under a folder of the repository, as repository-relative paths with '/'. */
export function sourceFiles(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (SOURCE.test(name)) out.push(relative(ROOT, path).split('\\').join('/'));
    }
  };
  walk(join(ROOT, folder));
  return out.sort();
}

const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx'];

/** The repository file an import specifier names, or null for packages and virtual modules. */
function resolveSpecifier(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith('@/')) base = specifier.slice(2);
  else if (specifier.startsWith('.')) base = relative(ROOT, resolve(ROOT, dirname(from), specifier));
  else return null;
  base = base.split('\\').join('/');
  for (const ext of ['', ...EXTENSIONS]) {
    try {
      if (statSync(join(ROOT, base + ext)).isFile()) return base + ext;
    } catch {
      // try the next extension
    }
  }
  return base;
}

/** The repository files one source file imports (static imports, re-exports and `import()`), per the TypeScript parser. */
export function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found.map((s) => resolveSpecifier(file, s)).filter((s): s is string => s !== null);
}
