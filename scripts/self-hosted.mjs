// The self-hosted package (the last step of `npm run zip`): for a municipality
// that hosts Sidevogn on its intranet instead of using a store.
//
//   SIDEVOGN_CRX_KEY='-----BEGIN PRIVATE KEY-----…'      the signing key (PEM), or
//   SIDEVOGN_CRX_KEY_FILE=/path/to/sidevogn.pem          a file holding it
//   SIDEVOGN_UPDATE_BASE_URL=https://intranet.kommune.dk/sidevogn/
//   npm run zip
//
// builds the extension without the demo origins and with update_url
// <base>/update.xml, signs it as a CRX3 and writes, in <out>/self-hosted/:
//   sidevogn-<version>.crx   upload to <base>
//   update.xml               upload to <base> (Chrome and Edge poll it for updates)
//   policy/                  `npm run policy` output for this ID and update URL
// and prints the extension ID, which follows from the key alone: keep the key
// (and its backup) safe and reuse it for every release, or the ID changes and
// every machine's policy must be changed with it.
//
// Make a key once with: openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out sidevogn.pem
import { spawnSync } from 'node:child_process';
import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatePolicy, writePolicy } from './policy.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Chromium's extension ID for a key: the first 128 bits of SHA-256 of the public key (SPKI DER), in letters a–p. */
export function extensionId(privateKeyPem) {
  const spki = createPublicKey(createPrivateKey(privateKeyPem)).export({ type: 'spki', format: 'der' });
  return [...createHash('sha256').update(spki).digest().subarray(0, 16)]
    .map((b) => String.fromCharCode(97 + (b >> 4), 97 + (b & 15)))
    .join('');
}

/** The update manifest Chrome and Edge fetch from update_url. */
export function updateXml(id, version, crxUrl) {
  const attr = (s) => String(s).replace(/&/g, '&amp;').replace(/'/g, '&apos;').replace(/</g, '&lt;');
  return `<?xml version='1.0' encoding='UTF-8'?>
<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>
  <app appid='${attr(id)}'>
    <updatecheck codebase='${attr(crxUrl)}' version='${attr(version)}' />
  </app>
</gupdate>
`;
}

/**
 * Builds, signs and writes the self-hosted package.
 * @returns {Promise<{ id: string, version: string, crx: string, updateXml: string, dir: string }>}
 */
export async function buildSelfHosted({
  keyPem,
  baseUrl,
  out = resolve(ROOT, process.env.SIDEVOGN_OUT ?? '.output'),
  quiet = false,
}) {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  if (!/^https?:\/\//.test(base)) throw new Error(`SIDEVOGN_UPDATE_BASE_URL must be an http(s) URL, not "${baseUrl}"`);
  const id = extensionId(keyPem);
  const dir = join(out, 'self-hosted');
  const buildOut = join(dir, 'build');
  const build = spawnSync('npx', ['wxt', 'build'], {
    cwd: ROOT,
    stdio: ['ignore', quiet ? 'pipe' : 'inherit', quiet ? 'pipe' : 'inherit'],
    encoding: 'utf8',
    env: { ...process.env, SIDEVOGN_STORE: '', SIDEVOGN_OUT: buildOut, SIDEVOGN_UPDATE_URL: `${base}update.xml` },
  });
  if (build.status !== 0)
    throw new Error(`wxt build (self-hosted) failed${quiet ? `:\n${build.stdout}\n${build.stderr}` : ''}`);
  const extDir = join(buildOut, 'chrome-mv3');
  const { version } = JSON.parse(readFileSync(join(extDir, 'manifest.json'), 'utf8'));
  const crxName = `sidevogn-${version}.crx`;
  const crx = join(dir, crxName);
  // crx3 reads the key from a file: a private temporary one, removed at once.
  const keyDir = mkdtempSync(join(tmpdir(), 'sidevogn-key-'));
  const keyPath = join(keyDir, 'key.pem');
  try {
    writeFileSync(keyPath, keyPem, { mode: 0o600 });
    const { default: crx3 } = await import('crx3');
    const info = await crx3([extDir], { keyPath, crxPath: crx });
    if (info.appId !== id) throw new Error(`crx3 signed as ${info.appId}, expected ${id}`);
  } finally {
    rmSync(keyDir, { recursive: true, force: true });
  }
  const xml = join(dir, 'update.xml');
  writeFileSync(xml, updateXml(id, version, `${base}${crxName}`));
  writePolicy(join(dir, 'policy'), generatePolicy({ id, updateUrl: `${base}update.xml` }));
  return { id, version, crx, updateXml: xml, dir };
}

async function main() {
  const keyPem = process.env.SIDEVOGN_CRX_KEY_FILE
    ? readFileSync(process.env.SIDEVOGN_CRX_KEY_FILE, 'utf8')
    : process.env.SIDEVOGN_CRX_KEY;
  const baseUrl = process.env.SIDEVOGN_UPDATE_BASE_URL;
  if (!keyPem) {
    console.log(
      'Self-hosted CRX: not built (set SIDEVOGN_CRX_KEY or SIDEVOGN_CRX_KEY_FILE, and SIDEVOGN_UPDATE_BASE_URL).',
    );
    return;
  }
  if (!baseUrl)
    throw new Error('SIDEVOGN_UPDATE_BASE_URL is not set: the URL the CRX and update.xml will be served from');
  const r = await buildSelfHosted({ keyPem, baseUrl });
  mkdirSync(r.dir, { recursive: true });
  console.log(`Self-hosted Sidevogn ${r.version} in ${r.dir}`);
  console.log(`  ${r.crx}\n  ${r.updateXml}\n  ${join(r.dir, 'policy')}/`);
  console.log(`Extension ID: ${r.id}`);
}

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  try {
    await main();
  } catch (e) {
    console.error(`npm run zip: ${e.message}`);
    process.exit(1);
  }
}
