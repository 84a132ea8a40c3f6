import { describe, expect, it } from 'vitest';
import { formatDateTime, formatTime } from './i18n';

const at = Date.UTC(2026, 11, 3, 14, 5, 9);

describe('date formatting', () => {
  it('formats in each locale, the formatters kept apart', () => {
    const da = new Intl.DateTimeFormat('da-DK', { dateStyle: 'medium', timeStyle: 'short' }).format(at);
    const en = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(at);
    expect(da).not.toBe(en);
    for (let i = 0; i < 2; i++) {
      expect(formatDateTime('da', at)).toBe(da);
      expect(formatDateTime('en', at)).toBe(en);
    }
    const local = new Date(at);
    const hh = String(local.getHours()).padStart(2, '0');
    expect(formatTime('da', at)).toBe(`kl. ${hh}.05`);
    expect(formatTime('en', at)).toBe(new Intl.DateTimeFormat('en-GB', { timeStyle: 'medium' }).format(at));
  });
});
