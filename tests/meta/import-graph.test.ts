import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The import graph of the product code (lib/, components/, entrypoints/; tests
 * excluded), read with the TypeScript parser: static imports, re-exports,
 * dynamic import() calls and type-only imports. Cycles are judged on the
 * imports that exist at run time (type-only imports are erased by the build:
 * a lazily loaded module may name the types of the module that loads it, as
 * lib/crypto/strength.ts does); the layering on every import, types included.
 */

const ROOT = resolve(__dirname, '../..');
const PRODUCT_DIRS = ['lib', 'components', 'entrypoints'];
const isProductFile = (path: string) => /\.(ts|tsx)$/.test(path) && !/\.(test|d)\.tsx?$/.test(path);

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === '__snapshots__' ? [] : walk(path);
    return isProductFile(path) ? [relative(ROOT, path)] : [];
  });
}

function resolveImport(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith('@/')) base = join(ROOT, specifier.slice(2));
  else if (specifier.startsWith('.')) base = resolve(ROOT, dirname(from), specifier);
  else return null; // a package
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return relative(ROOT, candidate);
  }
  return null; // not product source (a CSS file, a generated module)
}

interface Edge {
  target: string;
  typeOnly: boolean;
}

/** `import type {…}`, `import { type A, type B }`, `export type {…}`: nothing of it is left at run time. */
function isTypeOnly(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(node)) return node.isTypeOnly;
  const clause = node.importClause;
  if (!clause) return false; // a bare `import './x'` runs the module
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return (
    !clause.name &&
    !!bindings &&
    ts.isNamedImports(bindings) &&
    bindings.elements.length > 0 &&
    bindings.elements.every((e) => e.isTypeOnly)
  );
}

function importsOf(file: string): Edge[] {
  const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const specifiers: { specifier: string; typeOnly: boolean }[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier))
        specifiers.push({ specifier: node.moduleSpecifier.text, typeOnly: isTypeOnly(node) });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      specifiers.push({ specifier: node.arguments[0].text, typeOnly: false });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      const literal = node.argument.literal;
      if (ts.isStringLiteral(literal)) specifiers.push({ specifier: literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers.flatMap(({ specifier, typeOnly }) => {
    const target = resolveImport(file, specifier);
    return target && isProductFile(target) ? [{ target, typeOnly }] : [];
  });
}

const files = PRODUCT_DIRS.flatMap((dir) => walk(join(ROOT, dir)));
const edges = new Map(files.map((file) => [file, importsOf(file)]));
/** Every import, types included. */
const graph = new Map([...edges].map(([file, e]) => [file, [...new Set(e.map((x) => x.target))]]));
/** The imports that exist at run time. */
const runtimeGraph = new Map(
  [...edges].map(([file, e]) => [file, [...new Set(e.filter((x) => !x.typeOnly).map((x) => x.target))]]),
);

/** Strongly connected components with more than one module (Tarjan), each sorted. */
function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || graph.get(v)?.includes(v)) found.push(component.sort());
    }
  };
  for (const file of graph.keys()) if (!index.has(file)) connect(file);
  return found;
}

/** Every import edge from files under `from` to files outside the allowed folders, as "a -> b". */
function edgesOutside(from: string, allowed: readonly string[], exceptions: Record<string, string> = {}): string[] {
  const inside = (file: string, dir: string) => file === dir || file.startsWith(`${dir}/`);
  return [...graph]
    .filter(([file]) => inside(file, from))
    .flatMap(([file, targets]) =>
      targets
        .filter((target) => !allowed.some((dir) => inside(target, dir)))
        .map((target) => `${file} -> ${target}`)
        .filter((edge) => !(edge in exceptions)),
    );
}

/**
 * The layers under the domains: lib/db (the one Dexie database, its schema,
 * sealing, stored records and storage errors) builds only on these. Each
 * domain folder (lib/notes, lib/summary, lib/privacy, lib/packs …) owns its
 * own repository over the database and may use them all.
 */
const DB_MAY_IMPORT = [
  'lib/db',
  'lib/zod.ts',
  'lib/crypto', // sealing
  'lib/storage', // the storage-key registry
  'lib/i18n', // storage-error messages
];
/** Edges from lib/db into a domain, each with its reason. */
const DB_EXCEPTIONS: Record<string, string> = {
  'lib/db/records.ts -> lib/host/citizen-fields.ts':
    'the summary records are keyed by the case-system field ids (a list of names)',
  // The Dexie class names the row type of every table; the config tables' rows are the packs domain's.
  'lib/db/database.ts -> lib/packs/config-records.ts': 'a type-only import, erased by the build',
  // Likewise the usage table's rows are the usage domain's (issue 32).
  'lib/db/database.ts -> lib/usage/schema.ts': 'a type-only import, erased by the build',
  // A database that vanished under an unlocked session is a data loss: the open that finds it records it.
  'lib/db/vanished-database.ts -> lib/backup/marker.ts': 'the loss marker, written before the open fails',
};

describe('the import graph of lib/, components/ and entrypoints/', () => {
  it('reads the product code', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(graph.get('entrypoints/background.ts')?.length).toBeGreaterThan(0);
  });

  it('has no import cycles at run time', () => {
    expect(cycles(runtimeGraph)).toEqual([]);
  });

  it('lib/ never imports components/ or entrypoints/', () => {
    expect(edgesOutside('lib', ['lib'])).toEqual([]);
  });

  it('lib/db imports no domain folder, only the base layers', () => {
    expect(edgesOutside('lib/db', DB_MAY_IMPORT, DB_EXCEPTIONS)).toEqual([]);
  });

  it('names only exceptions that still exist', () => {
    const edges = new Set([...graph].flatMap(([file, targets]) => targets.map((t) => `${file} -> ${t}`)));
    expect(Object.keys(DB_EXCEPTIONS).filter((edge) => !edges.has(edge))).toEqual([]);
  });
});
