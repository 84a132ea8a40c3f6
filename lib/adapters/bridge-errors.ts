import { browser } from 'wxt/browser';
import { formatDateTime, type Locale, type Translate } from '../i18n/i18n';
import { lazySchema, z } from '../zod';

/**
 * The last thing that went wrong between Sidevogn and a case system, per
 * origin, for the options page's health check ("Sidste fejl: …"). Recorded by
 * the panel (lib/panel/host-connection.ts), which sees the bridge from the
 * extension side, so the size-limited bridge does not grow. Holds a kind, the
 * name the host gives a field, and a time: never citizen data.
 */
/** Its chrome.storage.local key (listed in lib/storage/keys.ts, kept here: the bridge bundles that list). */
export const BRIDGE_ERRORS_KEY = 'bridgeErrors';

export const BRIDGE_ERROR_KINDS = [
  'timeout',
  'invalid',
  'unreadable',
  'not-verified',
  'no-target',
  'not-writable',
] as const;
export type BridgeErrorKind = (typeof BRIDGE_ERROR_KINDS)[number];

const bridgeErrorSchema = lazySchema(() =>
  z.strictObject({
    kind: z.enum(BRIDGE_ERROR_KINDS),
    /** The field's name, for insert errors. */
    target: z.string().max(200).optional(),
    at: z.number().int().nonnegative(),
  }),
);
export type BridgeError = z.infer<typeof bridgeErrorSchema>;

/** The most origins remembered; the oldest error goes first. */
export const MAX_BRIDGE_ERROR_ORIGINS = 20;

const storedSchema = lazySchema(() => z.record(z.string().max(300), bridgeErrorSchema));

async function load(): Promise<Record<string, BridgeError>> {
  const stored = await browser.storage.local.get(BRIDGE_ERRORS_KEY);
  return storedSchema.catch({}).parse(stored[BRIDGE_ERRORS_KEY] ?? {});
}

/** Only a page's origin is a key (never a path, which may name a citizen's case). */
const originOf = (url: string): string | null => {
  try {
    const { origin, protocol } = new URL(url);
    return /^https?:$/.test(protocol) ? origin : null;
  } catch {
    return null;
  }
};

export async function recordBridgeError(
  url: string,
  error: { kind: BridgeErrorKind; target?: string },
  now = Date.now(),
): Promise<void> {
  const origin = originOf(url);
  if (!origin) return;
  const all = {
    ...(await load()),
    [origin]: { ...error, ...(error.target ? { target: error.target.slice(0, 200) } : {}), at: now },
  };
  const kept = Object.entries(all)
    .sort(([, a], [, b]) => b.at - a.at)
    .slice(0, MAX_BRIDGE_ERROR_ORIGINS);
  await browser.storage.local.set({ [BRIDGE_ERRORS_KEY]: Object.fromEntries(kept) });
}

export async function lastBridgeError(url: string): Promise<BridgeError | undefined> {
  const origin = originOf(url);
  return origin ? (await load())[origin] : undefined;
}

/** "Sidste fejl: et notat kunne ikke bekræftes i feltet »Journalnotat« (6.12.2026 05.10)". */
export function describeBridgeError(t: Translate, locale: Locale, error: BridgeError): string {
  const what =
    error.kind === 'not-verified' || error.kind === 'not-writable'
      ? t(error.kind === 'not-verified' ? 'bridgeError.notVerified' : 'bridgeError.notWritable', {
          target: error.target ?? t('field.journal'),
        })
      : t(
          error.kind === 'timeout'
            ? 'bridgeError.timeout'
            : error.kind === 'invalid'
              ? 'bridgeError.invalid'
              : error.kind === 'unreadable'
                ? 'bridgeError.unreadable'
                : 'bridgeError.noTarget',
        );
  return t('adapters.lastError', { error: what, time: formatDateTime(locale, error.at) });
}
