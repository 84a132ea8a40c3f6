import { describe, expect, it } from 'vitest';
import { matchesPattern } from './match-pattern';

const m = (pattern: string, url: string) => matchesPattern(pattern, new URL(url));

describe('matchesPattern', () => {
  it('ignores ports like the browser does', () => {
    expect(m('http://127.0.0.1/*', 'http://127.0.0.1:41234/borger/S-1')).toBe(true);
  });
  it('checks scheme, host and path', () => {
    expect(m('https://momentum.kommune.dk/*', 'http://momentum.kommune.dk/')).toBe(false);
    expect(m('*://momentum.kommune.dk/*', 'https://momentum.kommune.dk/x')).toBe(true);
    expect(m('https://*.kommune.dk/sag/*', 'https://a.b.kommune.dk/sag/1')).toBe(true);
    expect(m('https://*.kommune.dk/sag/*', 'https://kommune.dk.evil.com/sag/1')).toBe(false);
    expect(m('https://*.kommune.dk/sag/*', 'https://a.kommune.dk/andet')).toBe(false);
    expect(m('https://x.dk/a.b', 'https://x.dk/aXb')).toBe(false);
  });
  it('rejects malformed patterns', () => {
    expect(m('127.0.0.1', 'http://127.0.0.1/')).toBe(false);
  });
});
