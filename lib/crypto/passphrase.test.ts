import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/i18n';
import { MIN_SCORE, loadEstimator, passphraseProblem, strengthOf } from './passphrase';
import { refusalText } from '@/components/lock/PassphraseField';

const da = translator('da');
const STRONG = 'Grøn cykel under æbletræet 42';

describe('passphrase rules (issue 27, item 11)', async () => {
  const estimate = await loadEstimator();
  const refused = (p: string, min = 12) => passphraseProblem(p, p, min, estimate);

  it('refuses the passwords the issue names, and others built the same way from Danish words', () => {
    // Before zxcvbn-ts and the Danish list, both passed the old character-class estimate.
    for (const weak of [
      'password1234',
      'sommer2026!!',
      'Sommer2026!!',
      'Jobcenter2026!',
      'Sagsbehandler123',
      'Kommune1234!',
      'Efterår2025!!',
      'MetteNielsen1234',
      'aaaaaaaaaaaaaaaa',
      '123456789012',
      'qwertyuiopåø',
    ])
      expect(refused(weak), weak).toMatchObject({ problem: 'tooWeak' });
  });

  it('accepts a sentence of several words, with or without capitals and digits', () => {
    for (const strong of [STRONG, 'korrekt hest batteri hæfteklamme', 'Mit nye kodeord er lige så langt 7'])
      expect(refused(strong), strong).toBeNull();
    expect(strengthOf(estimate(STRONG))).toBe('strong');
    expect(strengthOf(estimate('sommer2026!!'))).toBe('fair');
    expect(strengthOf(estimate('password1234'))).toBe('weak');
    expect(estimate('sommer2026!!').score).toBe(MIN_SCORE - 1);
  });

  it('checks the length first, then the strength, then the repeat', () => {
    expect(refused('kort')).toEqual({ problem: 'tooShort' });
    expect(refused(STRONG, 30)).toEqual({ problem: 'tooShort' });
    expect(passphraseProblem(STRONG, `${STRONG}x`, 12, estimate)).toEqual({ problem: 'mismatch' });
  });

  it('says in Danish why, and what to do, without repeating the passphrase', () => {
    const sommer = refusalText(da, refused('sommer2026!!')!, 12);
    expect(sommer).toBe(
      'Adgangskoden er for let at gætte. Almindelige danske ord, navne, måneder, årstider og ord fra jobcentret er blandt det første, en angriber prøver. Tilføj et eller to ord mere, gerne ord der ikke hører sammen.',
    );
    const password = refusalText(da, refused('password1234')!, 12);
    expect(password).toBe(
      'Adgangskoden er for let at gætte. Den ligner en meget brugt adgangskode. Tilføj et eller to ord mere, gerne ord der ikke hører sammen.',
    );
    for (const text of [sommer, password]) {
      expect(text).not.toMatch(/sommer|password|2026|1234/i);
    }
    expect(refusalText(da, { problem: 'tooShort' }, 14)).toBe('Adgangskoden skal have mindst 14 tegn.');
  });
});
