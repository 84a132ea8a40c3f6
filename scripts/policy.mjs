// Policy files for the municipality's IT department, generated from one source,
// public/managed_schema.json (what Sidevogn reads from chrome.storage.managed),
// for one extension ID (the Chrome Web Store, Edge Add-ons and a self-hosted
// build each have their own):
//
//   npm run policy -- --id <extension-id> [--edge-id <id>] [--update-url <url>]
//                     [--values values.json] [--out dist/policy]
//
//   windows/admx/sidevogn-{chrome,edge}.admx        Group Policy templates: Sidevogn's settings
//   windows/admx/{da-DK,en-US}/sidevogn-*.adml      under the browsers' 3rdparty extension keys
//   windows/sidevogn-{chrome,edge}.reg              the same as registry values, with force-install
//   intune/sidevogn-{chrome,edge}.json              Intune custom profile (ADMX ingestion + OMA-URI)
//   linux/{chrome,chromium,edge}/sidevogn.json      /etc/…/policies/managed/
//   macos/*.plist, macos/sidevogn-*.mobileconfig    managed preferences / configuration profile
//
// Without --update-url the force-install entries name the browser's store;
// with it (a self-hosted build, `npm run zip` with a signing key) they name it.
// Without --values the example values below are used. Built-in modules only
// (plus ajv, to check the values against the schema).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createHash } from 'node:crypto';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const STORE_UPDATE_URLS = {
  chrome: 'https://clients2.google.com/service/update2/crx',
  edge: 'https://edge.microsoft.com/extensionwebstorebase/v1/crx',
};

/** Values shown in the examples (.reg, Linux JSON, plist): what a municipality might set. */
export const EXAMPLE_VALUES = {
  packUrls: ['https://intranet.kommune.example/sidevogn/team-vesthavn.json'],
  allowUserPacks: false,
  retentionDays: 90,
  trustedPackKeys: [],
  defaultLayout: 'push',
  idleLockMinutes: 15,
  minPassphraseLength: 12,
};

/**
 * English for the templates' en-US language files. The schema carries the
 * Danish (Chromium shows it on chrome://policy); a setting added to the schema
 * without an entry here fails `npm run policy` and the policy test.
 */
export const ENGLISH = {
  packUrls: {
    title: 'Packs the organisation installs',
    description:
      'https addresses of Sidevogn packs (JSON). They are installed and updated automatically and cannot be removed by the user.',
  },
  allowUserPacks: {
    title: 'May users add packs themselves?',
    description: 'When false, users can neither import pack files nor subscribe to pack addresses.',
  },
  retentionDays: {
    title: 'Delete after days without activity',
    description:
      'Data about a citizen is deleted automatically when the caseworker has written nothing about the citizen for this many days (default 90).',
  },
  trustedPackKeys: {
    title: 'Trusted signing keys',
    description:
      'Public keys (base64 SPKI) or their full SHA-256 fingerprints. When the list is not empty, only packs signed with one of the keys are accepted.',
  },
  defaultLayout: {
    title: "Sidevogn's default layout",
    description:
      'Where the panel is shown until the caseworker chooses: "push" (moves the case system aside), "overlay" (lies over the page) or "side" (the browser\'s own side panel). Default: push.',
  },
  idleLockMinutes: {
    title: 'Lock after minutes without activity',
    description:
      'Sidevogn locks when the user has not used it for this many minutes (1–480). Default: 15. Sidevogn always locks when the browser closes.',
  },
  minPassphraseLength: {
    title: 'Minimum passphrase length',
    description:
      "The minimum number of characters in the user's passphrase (8–128). Default: 12. The passphrase must also be hard to guess.",
  },
};

const BROWSERS = {
  chrome: {
    name: 'Google Chrome',
    regRoot: 'Software\\Policies\\Google\\Chrome',
    macDomain: 'com.google.Chrome',
  },
  edge: {
    name: 'Microsoft Edge',
    regRoot: 'Software\\Policies\\Microsoft\\Edge',
    macDomain: 'com.microsoft.Edge',
  },
};

const TEXT = {
  'da-DK': {
    category: (b) => `Sidevogn (${b.name})`,
    supported: (b) => `${b.name} version 120 eller nyere`,
    forceInstall: 'Tvungen installation: brug browserens egen skabelon (ExtensionInstallForcelist) med værdien',
    listLabel: 'Én pr. linje',
    numberLabel: 'Værdi',
    textLabel: 'Værdi',
    where: 'Registreringsdatabasen',
    value: 'Registreringsværdi',
  },
  'en-US': {
    category: (b) => `Sidevogn (${b.name})`,
    supported: (b) => `${b.name} version 120 or later`,
    forceInstall: "Force installation: use the browser's own template (ExtensionInstallForcelist) with the value",
    listLabel: 'One per line',
    numberLabel: 'Value',
    textLabel: 'Value',
    where: 'Registry',
    value: 'Registry value',
  },
};

export function readSchema(path = join(ROOT, 'public', 'managed_schema.json')) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** The kind of each setting: how it is stored in the registry and shown in Group Policy. */
export function settingKind(name, prop) {
  if (prop.type === 'boolean') return 'boolean';
  if (prop.type === 'integer') return 'integer';
  if (prop.type === 'string') return 'string';
  if (prop.type === 'array' && prop.items?.type === 'string') return 'list';
  throw new Error(`managed_schema.json: ${name} has a type the policy templates do not support (${prop.type})`);
}

function settings(schema) {
  return Object.entries(schema.properties ?? {}).map(([name, prop]) => {
    if (!ENGLISH[name]) throw new Error(`scripts/policy.mjs: no English text for the setting ${name}`);
    return { name, prop, kind: settingKind(name, prop) };
  });
}

const xml = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Group Policy names allow letters, digits and underscores. */
const gpName = (s) => s.replace(/[^A-Za-z0-9_]/g, '_');

function extensionKey(b, id) {
  return `${BROWSERS[b].regRoot}\\3rdparty\\extensions\\${id}\\policy`;
}

function admx(schema, b, id) {
  const B = gpName(b);
  const key = extensionKey(b, id);
  const policies = settings(schema).map(({ name, prop, kind }) => {
    const head = `    <policy name="${name}" class="Machine" displayName="$(string.${name})" explainText="$(string.${name}_Explain)"`;
    const common = `      <parentCategory ref="Sidevogn_${B}" />\n      <supportedOn ref="SUPPORTED_${B}" />\n`;
    if (kind === 'boolean')
      return (
        `${head} key="${xml(key)}" valueName="${name}">\n${common}` +
        '      <enabledValue><decimal value="1" /></enabledValue>\n' +
        '      <disabledValue><decimal value="0" /></disabledValue>\n    </policy>'
      );
    const element =
      kind === 'integer'
        ? `<decimal id="${name}" valueName="${name}" required="true"` +
          (prop.minimum !== undefined ? ` minValue="${prop.minimum}"` : '') +
          (prop.maximum !== undefined ? ` maxValue="${prop.maximum}"` : '') +
          ' />'
        : kind === 'string'
          ? `<text id="${name}" valueName="${name}" required="true" />`
          : `<list id="${name}" key="${xml(`${key}\\${name}`)}" valuePrefix="" />`;
    return (
      `${head} presentation="$(presentation.${name})" key="${xml(key)}">\n${common}` +
      `      <elements>\n        ${element}\n      </elements>\n    </policy>`
    );
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<!-- Generated by \`npm run policy\` from public/managed_schema.json for extension ${id}. -->
<policyDefinitions xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions">
  <policyNamespaces>
    <target prefix="sidevogn_${B}" namespace="Sidevogn.Policies.${B}" />
  </policyNamespaces>
  <resources minRequiredRevision="1.0" />
  <supportedOn>
    <definitions>
      <definition name="SUPPORTED_${B}" displayName="$(string.SUPPORTED_${B})" />
    </definitions>
  </supportedOn>
  <categories>
    <category name="Sidevogn_${B}" displayName="$(string.Sidevogn_${B})" explainText="$(string.Sidevogn_${B}_Explain)" />
  </categories>
  <policies>
${policies.join('\n')}
  </policies>
</policyDefinitions>
`;
}

function forceInstallValue(id, updateUrl) {
  return `${id};${updateUrl}`;
}

function adml(schema, b, id, updateUrl, lang) {
  const T = TEXT[lang];
  const B = gpName(b);
  const br = BROWSERS[b];
  const strings = [
    [`Sidevogn_${B}`, T.category(br)],
    [
      `Sidevogn_${B}_Explain`,
      `${T.forceInstall} ${forceInstallValue(id, updateUrl)}\n\n${T.where}: HKLM\\${extensionKey(b, id)}`,
    ],
    [`SUPPORTED_${B}`, T.supported(br)],
  ];
  const presentations = [];
  for (const { name, prop, kind } of settings(schema)) {
    const text = lang === 'da-DK' ? { title: prop.title, description: prop.description } : ENGLISH[name];
    strings.push([name, text.title], [`${name}_Explain`, `${text.description}\n\n${T.value}: ${name}`]);
    if (kind === 'list')
      presentations.push(
        `      <presentation id="${name}"><listBox refId="${name}">${xml(T.listLabel)}</listBox></presentation>`,
      );
    if (kind === 'integer')
      presentations.push(
        `      <presentation id="${name}"><decimalTextBox refId="${name}">${xml(T.numberLabel)}</decimalTextBox></presentation>`,
      );
    if (kind === 'string')
      presentations.push(
        `      <presentation id="${name}"><textBox refId="${name}"><label>${xml(T.textLabel)}</label></textBox></presentation>`,
      );
  }
  return `<?xml version="1.0" encoding="utf-8"?>
<!-- Generated by \`npm run policy\` from public/managed_schema.json for extension ${id}. -->
<policyDefinitionResources xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions">
  <displayName>Sidevogn</displayName>
  <description>${xml(T.category(br))}</description>
  <resources>
    <stringTable>
${strings.map(([k, v]) => `      <string id="${k}">${xml(v)}</string>`).join('\n')}
    </stringTable>
    <presentationTable>
${presentations.join('\n')}
    </presentationTable>
  </resources>
</policyDefinitionResources>
`;
}

/** ExtensionSettings for one extension: force-installed from the given update URL. */
function extensionSettings(id, updateUrl) {
  return { [id]: { installation_mode: 'force_installed', update_url: updateUrl } };
}

const regString = (s) => `"${String(s).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const dword = (n) => `dword:${(n >>> 0).toString(16).padStart(8, '0')}`;

function reg(schema, b, id, updateUrl, values) {
  const root = `HKEY_LOCAL_MACHINE\\${BROWSERS[b].regRoot}`;
  const key = `HKEY_LOCAL_MACHINE\\${extensionKey(b, id)}`;
  const lines = [
    'Windows Registry Editor Version 5.00',
    '',
    `; Sidevogn for ${BROWSERS[b].name}, extension ${id}. Generated by \`npm run policy\`.`,
    '; Force-install: ExtensionSettings below, or ExtensionInstallForcelist (choose one number',
    '; not used by other extensions). ExtensionSettings is ONE value for all extensions:',
    '; merge with an existing one instead of overwriting it.',
    `[${root}\\ExtensionInstallForcelist]`,
    `"1"=${regString(forceInstallValue(id, updateUrl))}`,
    '',
    `[${root}]`,
    `"ExtensionSettings"=${regString(JSON.stringify(extensionSettings(id, updateUrl)))}`,
    '',
    "; Sidevogn's own settings (public/managed_schema.json).",
    `[${key}]`,
  ];
  const lists = [];
  for (const { name, kind } of settings(schema)) {
    const v = values[name];
    if (v === undefined) continue;
    if (kind === 'boolean') lines.push(`"${name}"=${dword(v ? 1 : 0)}`);
    else if (kind === 'integer') lines.push(`"${name}"=${dword(v)}`);
    else if (kind === 'string') lines.push(`"${name}"=${regString(v)}`);
    else lists.push([name, v]);
  }
  for (const [name, v] of lists) {
    lines.push('', `[${key}\\${name}]`, ...v.map((s, i) => `"${i + 1}"=${regString(s)}`));
  }
  // .reg files are read as UTF-16 LE with a byte order mark (regedit's own format).
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** An ADMX-backed policy's OMA-URI value (Policy CSP): <enabled/> plus its elements' data. */
function omaValue(kind, name, v) {
  if (kind === 'boolean') return v ? '<enabled/>' : '<disabled/>';
  if (kind === 'list') return `<enabled/><data id="${name}" value="${v.map(xml).join('&#xF000;')}"/>`;
  return `<enabled/><data id="${name}" value="${xml(v)}"/>`;
}

function intune(schema, b, id, updateUrl, values) {
  const B = gpName(b);
  const app = `Sidevogn${b === 'chrome' ? 'Chrome' : 'Edge'}`;
  const omaSettings = [
    {
      '@odata.type': '#microsoft.graph.omaSettingString',
      displayName: `Sidevogn ADMX (${BROWSERS[b].name})`,
      description: 'ADMX ingestion of windows/admx/sidevogn-' + b + '.admx',
      omaUri: `./Device/Vendor/MSFT/Policy/ConfigOperations/ADMXInstall/${app}/Policy/${app}Admx`,
      value: admx(schema, b, id),
    },
  ];
  for (const { name, kind } of settings(schema)) {
    if (values[name] === undefined) continue;
    omaSettings.push({
      '@odata.type': '#microsoft.graph.omaSettingString',
      displayName: name,
      omaUri: `./Device/Vendor/MSFT/Policy/Config/${app}~Policy~Sidevogn_${B}/${name}`,
      value: omaValue(kind, name, values[name]),
    });
  }
  return JSON.stringify(
    {
      '@odata.type': '#microsoft.graph.windows10CustomConfiguration',
      displayName: `Sidevogn – ${BROWSERS[b].name}`,
      description:
        `Sidevogn's settings for extension ${id}. Force-install it with the browser's ExtensionInstallForcelist ` +
        `(settings catalog) set to ${forceInstallValue(id, updateUrl)}.`,
      omaSettings,
    },
    null,
    2,
  );
}

function linux(id, updateUrl, values) {
  return JSON.stringify(
    {
      ExtensionInstallForcelist: [forceInstallValue(id, updateUrl)],
      ExtensionSettings: extensionSettings(id, updateUrl),
      '3rdparty': { extensions: { [id]: values } },
    },
    null,
    2,
  );
}

function plistValue(v, indent) {
  const pad = '  '.repeat(indent);
  if (typeof v === 'boolean') return `${pad}<${v}/>`;
  if (Number.isInteger(v)) return `${pad}<integer>${v}</integer>`;
  if (typeof v === 'string') return `${pad}<string>${xml(v)}</string>`;
  if (Array.isArray(v))
    return v.length === 0
      ? `${pad}<array/>`
      : `${pad}<array>\n${v.map((x) => plistValue(x, indent + 1)).join('\n')}\n${pad}</array>`;
  return `${pad}<dict>\n${Object.entries(v)
    .map(([k, x]) => `${pad}  <key>${xml(k)}</key>\n${plistValue(x, indent + 1)}`)
    .join('\n')}\n${pad}</dict>`;
}

const PLIST_HEAD =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n' +
  '<plist version="1.0">\n';

const plist = (dict) => `${PLIST_HEAD}${plistValue(dict, 0)}\n</plist>\n`;

/** A stable UUID from a name, so regenerating gives the same profile (MDMs replace by identifier). */
function uuidFor(name) {
  const h = createHash('sha256').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`.toUpperCase();
}

function mobileconfig(b, id, updateUrl, values) {
  const domain = BROWSERS[b].macDomain;
  const payload = (type, content) => ({
    PayloadType: type,
    PayloadIdentifier: `dk.sidevogn.policy.${b}.${type}`,
    PayloadUUID: uuidFor(`${b}:${id}:${type}`),
    PayloadVersion: 1,
    PayloadDisplayName: type,
    ...content,
  });
  return plist({
    PayloadType: 'Configuration',
    PayloadVersion: 1,
    PayloadIdentifier: `dk.sidevogn.policy.${b}`,
    PayloadUUID: uuidFor(`${b}:${id}`),
    PayloadDisplayName: `Sidevogn (${BROWSERS[b].name})`,
    PayloadScope: 'System',
    PayloadContent: [
      payload(domain, {
        ExtensionInstallForcelist: [forceInstallValue(id, updateUrl)],
        ExtensionSettings: extensionSettings(id, updateUrl),
      }),
      payload(`${domain}.extensions.${id}`, values),
    ],
  });
}

/**
 * Every generated file, by path relative to the output folder.
 * @param {{ id: string, edgeId?: string, updateUrl?: string, values?: object, schema?: object }} o
 */
export function generatePolicy({ id, edgeId = id, updateUrl, values = EXAMPLE_VALUES, schema = readSchema() }) {
  for (const x of [id, edgeId])
    if (!/^[a-p]{32}$/.test(x)) throw new Error(`"${x}" is not an extension ID (32 letters a–p)`);
  const files = {};
  const ids = { chrome: id, edge: edgeId };
  for (const b of ['chrome', 'edge']) {
    const bid = ids[b];
    const url = updateUrl ?? STORE_UPDATE_URLS[b];
    files[`windows/admx/sidevogn-${b}.admx`] = admx(schema, b, bid);
    for (const lang of ['da-DK', 'en-US'])
      files[`windows/admx/${lang}/sidevogn-${b}.adml`] = adml(schema, b, bid, url, lang);
    files[`windows/sidevogn-${b}.reg`] = reg(schema, b, bid, url, values);
    files[`intune/sidevogn-${b}.json`] = intune(schema, b, bid, url, values);
    files[`macos/${BROWSERS[b].macDomain}.extensions.${bid}.plist`] = plist(values);
    files[`macos/sidevogn-${b}.mobileconfig`] = mobileconfig(b, bid, url, values);
  }
  files['linux/chrome/sidevogn.json'] = linux(id, updateUrl ?? STORE_UPDATE_URLS.chrome, values);
  files['linux/chromium/sidevogn.json'] = linux(id, updateUrl ?? STORE_UPDATE_URLS.chrome, values);
  files['linux/edge/sidevogn.json'] = linux(edgeId, updateUrl ?? STORE_UPDATE_URLS.edge, values);
  files['README.txt'] = readme(id, edgeId, updateUrl);
  return files;
}

function readme(id, edgeId, updateUrl) {
  return `Sidevogn policy files, generated by \`npm run policy\` from public/managed_schema.json.
Chrome extension ID: ${id}
Edge extension ID:   ${edgeId}
Update URL:          ${updateUrl ?? 'the browser store'}

windows/admx/        copy *.admx to C:\\Windows\\PolicyDefinitions (or the domain's Central Store),
                     da-DK/ and en-US/ *.adml into the folders of the same name
windows/*.reg        the same settings as registry values, with force-install (example values)
intune/*.json        Intune custom configuration profile (Graph windows10CustomConfiguration)
linux/chrome/        -> /etc/opt/chrome/policies/managed/sidevogn.json
linux/chromium/      -> /etc/chromium/policies/managed/sidevogn.json
linux/edge/          -> /etc/opt/edge/policies/managed/sidevogn.json
macos/*.plist        managed preferences for the extension's own domain
macos/*.mobileconfig configuration profile: force-install and settings

See docs/it.md in the Sidevogn repository.
`;
}

/** Checks values against the schema (ajv); throws a readable error. */
export async function checkValues(values, schema = readSchema()) {
  const { default: Ajv } = await import('ajv');
  const validate = new Ajv({ allErrors: true, strict: false }).compile({ ...schema, additionalProperties: false });
  if (!validate(values))
    throw new Error(
      `The values do not match public/managed_schema.json: ${validate.errors
        .map((e) => `${e.instancePath || '/'} ${e.message}`)
        .join('; ')}`,
    );
}

export function writePolicy(out, files) {
  rmSync(out, { recursive: true, force: true });
  for (const [rel, content] of Object.entries(files)) {
    const path = join(out, rel);
    mkdirSync(dirname(path), { recursive: true });
    // regedit reads .reg as UTF-16 LE (the text starts with a byte order mark).
    writeFileSync(path, rel.endsWith('.reg') ? Buffer.from(content, 'utf16le') : content);
  }
}

async function main() {
  const { values: opts } = parseArgs({
    options: {
      id: { type: 'string' },
      'edge-id': { type: 'string' },
      'update-url': { type: 'string' },
      values: { type: 'string' },
      out: { type: 'string', default: join(ROOT, 'dist', 'policy') },
    },
  });
  if (!opts.id) {
    console.error(
      'Usage: npm run policy -- --id <extension-id> [--edge-id <id>] [--update-url <url>] [--values file.json]',
    );
    process.exit(2);
  }
  try {
    const values = opts.values ? JSON.parse(readFileSync(opts.values, 'utf8')) : EXAMPLE_VALUES;
    await checkValues(values);
    const files = generatePolicy({ id: opts.id, edgeId: opts['edge-id'], updateUrl: opts['update-url'], values });
    const out = resolve(opts.out);
    writePolicy(out, files);
    console.log(`Policy files for ${opts.id} in ${out}`);
  } catch (e) {
    console.error(`npm run policy: ${e.message}`);
    process.exit(1);
  }
}

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) await main();
