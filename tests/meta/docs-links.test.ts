// The README is the front door and the guides live in docs/: every relative
// link in them must reach a file (and a heading, when it names one), and the
// README stays short.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

/** The text outside fenced code blocks and inline code. */
function prose(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const line of markdown.replace(/^```[\s\S]*?^```/gm, '').split('\n')) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const slug = (heading[1] ?? '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    result.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return result;
}

/** Relative link targets in a markdown file: `[text](target)` and `![alt](target)`. */
function relativeLinks(markdown: string): string[] {
  const links: string[] = [];
  for (const match of prose(markdown).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    const target = match[1] ?? '';
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto: …
    links.push(target);
  }
  return links;
}

const files = [join(root, 'README.md'), ...markdownFiles(join(root, 'docs'))];

describe('links in README.md and docs/', () => {
  it('finds the guides', () => {
    const names = files.map((file) => relative(root, file));
    for (const guide of ['caseworkers', 'team-leads', 'it', 'data-protection', 'security']) {
      expect(names).toContain(`docs/${guide}.md`);
    }
  });

  it.each(files.map((file) => [relative(root, file), file]))('%s: every relative link resolves', (_, file) => {
    const markdown = readFileSync(file, 'utf8');
    const broken: string[] = [];
    for (const link of relativeLinks(markdown)) {
      const [path, anchor] = link.split('#', 2);
      const target = path ? resolve(dirname(file), decodeURI(path)) : file;
      if (!existsSync(target)) {
        broken.push(`${link}: no such file`);
        continue;
      }
      if (anchor === undefined || !target.endsWith('.md')) continue;
      if (!anchors(readFileSync(target, 'utf8')).has(anchor)) broken.push(`${link}: no such heading`);
    }
    expect(broken).toEqual([]);
  });

  it('README.md is a front door: under 150 lines', () => {
    const lines = readFileSync(join(root, 'README.md'), 'utf8').trimEnd().split('\n');
    expect(lines.length).toBeLessThan(150);
  });

  it('the checker itself sees a broken link and a missing heading', () => {
    expect(relativeLinks('See [a](docs/x.md#y), ![b](img.png), [c](https://e.dk) and `[d](e.md)`.')).toEqual([
      'docs/x.md#y',
      'img.png',
    ]);
    expect(anchors('# Packs and adapters (for team leads)\n## Two commands\n## Two commands')).toEqual(
      new Set(['packs-and-adapters-for-team-leads', 'two-commands', 'two-commands-1']),
    );
  });
});
