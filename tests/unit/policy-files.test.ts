import { DOMParser, type Element } from '@xmldom/xmldom';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import {
  checkValues,
  ENGLISH,
  EXAMPLE_VALUES,
  generatePolicy,
  readSchema,
  settingKind,
  STORE_UPDATE_URLS,
  type ManagedSchema,
} from '../../scripts/policy.mjs';

/**
 * `npm run policy` (scripts/policy.mjs): every file it generates is read back
 * and compared with public/managed_schema.json, setting by setting. The
 * expectations come from the schema, so a setting added to the schema and
 * missing (or mistyped) in any file fails here.
 */
const schema = readSchema();
const names = Object.keys(schema.properties);
const ID = 'abcdefghijklmnopabcdefghijklmnop';
const EDGE_ID = 'ponmlkjihgfedcbaponmlkjihgfedcba';
const UPDATE = 'https://intranet.kommune.example/sidevogn/update.xml';
const files = generatePolicy({ id: ID, edgeId: EDGE_ID, updateUrl: UPDATE });
const GP_NS = 'http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions';
const REG_ROOT = { chrome: 'Software\\Policies\\Google\\Chrome', edge: 'Software\\Policies\\Microsoft\\Edge' };
const IDS = { chrome: ID, edge: EDGE_ID };

/** Parses XML, failing on any error or warning of the parser. */
function parse(text: string) {
  const doc = new DOMParser({
    onError: (level, message) => {
      throw new Error(`XML ${level}: ${message}`);
    },
  }).parseFromString(text, 'text/xml');
  return doc.documentElement!;
}

const children = (el: Element, tag: string) => Array.from(el.getElementsByTagName(tag));
const one = (el: Element, tag: string) => {
  const found = children(el, tag);
  expect(found, `<${tag}> in <${el.tagName}>`).toHaveLength(1);
  return found[0]!;
};

describe.each(['chrome', 'edge'] as const)('Group Policy templates for %s', (b) => {
  const admx = parse(files[`windows/admx/sidevogn-${b}.admx`]!);
  const policies = children(admx, 'policy');
  const key = `${REG_ROOT[b]}\\3rdparty\\extensions\\${IDS[b]}\\policy`;

  it('is an ADMX policyDefinitions document with one policy per schema setting, under the 3rdparty key', () => {
    expect(admx.tagName).toBe('policyDefinitions');
    expect(admx.namespaceURI).toBe(GP_NS);
    expect(admx.getAttribute('schemaVersion')).toBe('1.0');
    expect(one(admx, 'target').getAttribute('namespace')).toMatch(/^Sidevogn\.Policies\./);
    expect(policies.map((p) => p.getAttribute('name')).sort()).toEqual([...names].sort());
    const categories = children(admx, 'category').map((c) => c.getAttribute('name'));
    const supported = children(admx, 'definition').map((d) => d.getAttribute('name'));
    for (const p of policies) {
      expect(p.getAttribute('class')).toBe('Machine');
      expect(p.getAttribute('key')).toBe(key);
      expect(categories).toContain(one(p, 'parentCategory').getAttribute('ref'));
      expect(supported).toContain(one(p, 'supportedOn').getAttribute('ref'));
    }
  });

  it.each(names)('stores %s as Chromium reads it for the schema type', (name) => {
    const prop = schema.properties[name]!;
    const p = policies.find((x) => x.getAttribute('name') === name)!;
    const kind = settingKind(name, prop);
    if (kind === 'boolean') {
      expect(p.getAttribute('valueName')).toBe(name);
      expect(one(one(p, 'enabledValue'), 'decimal').getAttribute('value')).toBe('1');
      expect(one(one(p, 'disabledValue'), 'decimal').getAttribute('value')).toBe('0');
      expect(children(p, 'elements')).toHaveLength(0);
    } else if (kind === 'integer') {
      const d = one(one(p, 'elements'), 'decimal');
      expect(d.getAttribute('valueName')).toBe(name);
      expect(d.getAttribute('minValue')).toBe(prop.minimum === undefined ? '' : String(prop.minimum));
      expect(d.getAttribute('maxValue')).toBe(prop.maximum === undefined ? '' : String(prop.maximum));
    } else if (kind === 'list') {
      // A list is a subkey with values named 1, 2, 3 … (Chromium's registry format for arrays).
      const l = one(one(p, 'elements'), 'list');
      expect(l.getAttribute('key')).toBe(`${key}\\${name}`);
      expect(l.getAttribute('valuePrefix')).toBe('');
    } else {
      expect(one(one(p, 'elements'), 'text').getAttribute('valueName')).toBe(name);
    }
  });

  it.each(['da-DK', 'en-US'])('has a %s ADML with every string and presentation the ADMX refers to', (lang) => {
    const adml = parse(files[`windows/admx/${lang}/sidevogn-${b}.adml`]!);
    expect(adml.tagName).toBe('policyDefinitionResources');
    expect(adml.namespaceURI).toBe(GP_NS);
    const strings = new Map(children(adml, 'string').map((s) => [s.getAttribute('id'), s.textContent]));
    const presentations = new Map(children(adml, 'presentation').map((s) => [s.getAttribute('id'), s]));
    const admxText = files[`windows/admx/sidevogn-${b}.admx`]!;
    for (const [, ref] of admxText.matchAll(/\$\(string\.([^)]+)\)/g)) expect(strings.get(ref!), ref).toBeTruthy();
    for (const p of policies) {
      const name = p.getAttribute('name')!;
      const title = lang === 'da-DK' ? schema.properties[name]!.title : ENGLISH[name]!.title;
      expect(strings.get(name)).toBe(title);
      const description = lang === 'da-DK' ? schema.properties[name]!.description : ENGLISH[name]!.description;
      expect(strings.get(`${name}_Explain`)).toContain(description);
      const elements = children(p, 'elements')[0];
      const ids = elements ? Array.from(elements.childNodes).filter((n): n is Element => n.nodeType === 1) : [];
      if (ids.length === 0) {
        expect(p.hasAttribute('presentation')).toBe(false);
        continue;
      }
      expect(p.getAttribute('presentation')).toBe(`$(presentation.${name})`);
      const presentation = presentations.get(name)!;
      expect(presentation, `presentation ${name}`).toBeTruthy();
      const refs = Array.from(presentation.childNodes)
        .filter((n): n is Element => n.nodeType === 1)
        .map((n) => n.getAttribute('refId'));
      expect(refs).toEqual(ids.map((e) => e.getAttribute('id')));
    }
    // The category's explanation carries the force-install value for the browser's own template.
    expect(strings.get(`Sidevogn_${b}_Explain`)).toContain(`${IDS[b]};${UPDATE}`);
  });

  it('has a .reg example with force-install and each example value in the registry form Chromium reads', () => {
    const reg = files[`windows/sidevogn-${b}.reg`]!;
    expect(reg.startsWith('\ufeffWindows Registry Editor Version 5.00\r\n')).toBe(true);
    const root = `[HKEY_LOCAL_MACHINE\\${REG_ROOT[b]}`;
    expect(reg).toContain(`${root}\\ExtensionInstallForcelist]\r\n"1"="${IDS[b]};${UPDATE}"`);
    const settingsLine = reg.split('\r\n').find((l) => l.startsWith('"ExtensionSettings"='))!;
    expect(JSON.parse(JSON.parse(settingsLine.slice('"ExtensionSettings"='.length)))).toEqual({
      [IDS[b]]: { installation_mode: 'force_installed', update_url: UPDATE },
    });
    for (const name of names) {
      const v = EXAMPLE_VALUES[name];
      const kind = settingKind(name, schema.properties[name]!);
      if (kind === 'list') {
        const block = reg.split(`[HKEY_LOCAL_MACHINE\\${key}\\${name}]\r\n`)[1]!.split('\r\n\r\n')[0]!;
        expect(block.split('\r\n').filter(Boolean)).toEqual((v as string[]).map((s, i) => `"${i + 1}"="${s}"`));
      } else if (kind === 'boolean') expect(reg).toContain(`"${name}"=dword:0000000${v ? 1 : 0}`);
      else if (kind === 'string') expect(reg).toContain(`"${name}"="${v as string}"`);
      else expect(reg).toContain(`"${name}"=dword:${(v as number).toString(16).padStart(8, '0')}`);
    }
  });

  it('has an Intune custom profile that ingests the same ADMX and sets each example value', () => {
    const profile = JSON.parse(files[`intune/sidevogn-${b}.json`]!);
    expect(profile['@odata.type']).toBe('#microsoft.graph.windows10CustomConfiguration');
    const [ingest, ...settings] = profile.omaSettings as { omaUri: string; value: string }[];
    expect(ingest!.omaUri).toMatch(
      /^\.\/Device\/Vendor\/MSFT\/Policy\/ConfigOperations\/ADMXInstall\/Sidevogn\w+\/Policy\//,
    );
    expect(ingest!.value).toBe(files[`windows/admx/sidevogn-${b}.admx`]);
    const app = /ADMXInstall\/(\w+)\//.exec(ingest!.omaUri)![1];
    const category = one(admx, 'category').getAttribute('name');
    expect(settings.map((s) => s.omaUri)).toEqual(
      names.map((n) => `./Device/Vendor/MSFT/Policy/Config/${app}~Policy~${category}/${n}`),
    );
    for (const s of settings) parse(`<r>${s.value.replace(/&#xF000;/g, '')}</r>`);
    expect(settings.find((s) => s.omaUri.endsWith('/allowUserPacks'))!.value).toBe('<disabled/>');
    expect(settings.find((s) => s.omaUri.endsWith('/retentionDays'))!.value).toBe(
      '<enabled/><data id="retentionDays" value="90"/>',
    );
  });

  it('has a macOS profile: force-install in the browser domain, the settings in the extension domain', () => {
    const root = parse(files[`macos/sidevogn-${b}.mobileconfig`]!);
    expect(root.tagName).toBe('plist');
    const text = files[`macos/sidevogn-${b}.mobileconfig`]!;
    const domain = b === 'chrome' ? 'com.google.Chrome' : 'com.microsoft.Edge';
    expect(text).toContain(`<string>${domain}</string>`);
    expect(text).toContain(`<string>${domain}.extensions.${IDS[b]}</string>`);
    expect(text).toContain(`<string>${IDS[b]};${UPDATE}</string>`);
    const plist = parse(files[`macos/${domain}.extensions.${IDS[b]}.plist`]!);
    const keys = children(one(plist, 'dict'), 'key').map((k) => k.textContent);
    expect(keys).toEqual(names);
  });
});

describe('Linux policy files', () => {
  const validate = new Ajv({ strict: false }).compile({ ...schema, additionalProperties: false });
  it.each([
    ['chrome', ID],
    ['chromium', ID],
    ['edge', EDGE_ID],
  ])('%s: force-install and values that match the schema', (dir, id) => {
    const policy = JSON.parse(files[`linux/${dir}/sidevogn.json`]!);
    expect(policy.ExtensionInstallForcelist).toEqual([`${id};${UPDATE}`]);
    expect(policy.ExtensionSettings).toEqual({ [id]: { installation_mode: 'force_installed', update_url: UPDATE } });
    const values = policy['3rdparty'].extensions[id];
    expect(validate(values), JSON.stringify(validate.errors)).toBe(true);
    expect(Object.keys(values)).toEqual(names);
  });

  it('names the stores without an update URL', () => {
    const store = generatePolicy({ id: ID });
    expect(JSON.parse(store['linux/chrome/sidevogn.json']!).ExtensionInstallForcelist).toEqual([
      `${ID};${STORE_UPDATE_URLS.chrome}`,
    ]);
    expect(JSON.parse(store['linux/edge/sidevogn.json']!).ExtensionInstallForcelist).toEqual([
      `${ID};${STORE_UPDATE_URLS.edge}`,
    ]);
  });
});

describe('the generator follows the schema', () => {
  it('adds a setting that appears in the schema, and refuses one it cannot express or has no English for', () => {
    const wider: ManagedSchema = {
      ...schema,
      properties: { ...schema.properties, lockOnSleep: { type: 'boolean', title: 'Lås i dvale' } },
    };
    expect(() => generatePolicy({ id: ID, schema: wider })).toThrow('no English text for the setting lockOnSleep');
    ENGLISH.lockOnSleep = { title: 'Lock on sleep', description: 'Locks when the machine sleeps.' };
    try {
      const admx = parse(generatePolicy({ id: ID, schema: wider })['windows/admx/sidevogn-chrome.admx']!);
      expect(children(admx, 'policy').map((p) => p.getAttribute('name'))).toContain('lockOnSleep');
      const object: ManagedSchema = {
        ...schema,
        properties: { ...schema.properties, lockOnSleep: { type: 'object' } },
      };
      expect(() => generatePolicy({ id: ID, schema: object })).toThrow('type the policy templates do not support');
    } finally {
      delete ENGLISH.lockOnSleep;
    }
  });

  it('rejects values that do not match the schema, and IDs that are not extension IDs', async () => {
    await expect(checkValues(EXAMPLE_VALUES)).resolves.toBeUndefined();
    await expect(checkValues({ ...EXAMPLE_VALUES, retentionDays: 0 })).rejects.toThrow('/retentionDays must be >= 1');
    await expect(checkValues({ packUrl: 'x' })).rejects.toThrow('must NOT have additional properties');
    expect(() => generatePolicy({ id: 'not-an-id' })).toThrow('is not an extension ID');
  });
});
