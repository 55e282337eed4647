import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/**
 * Build-time side of the translations: the bundles shared with the server
 * (`backend/src/main/resources/vaadin-i18n/translations*.properties`) are checked (same keys in every language, valid
 * ICU MessageFormat) and turned into `messages.generated.ts`: every key with the placeholders it takes, so that
 * `t('admin.selectedCount', { count })` is type-checked. The texts themselves stay on the server; the SPA loads them at
 * run time through @vaadin/hilla-react-i18n.
 */
const BUNDLES = new URL('../../backend/src/main/resources/vaadin-i18n/', import.meta.url);
const LANGUAGES = { nl: 'translations.properties', en: 'translations_en.properties' } as const;
const OUTPUT = new URL('./messages.generated.ts', import.meta.url);

/** A `.properties` file as Java reads it (UTF-8): comments, `key=value` or `key: value`, escapes, continuation lines. */
export function parseProperties(text: string): Map<string, string> {
  const entries = new Map<string, string>();
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i].replace(/^\s+/, '');
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    while (/(^|[^\\])(\\\\)*\\$/.test(line) && i + 1 < lines.length) {
      line = line.slice(0, -1) + lines[++i].replace(/^\s+/, '');
    }
    const match = /^((?:\\.|[^=:\s\\])+)\s*[=:\s]\s*(.*)$/.exec(line);
    const key = unescape(match ? match[1] : line);
    entries.set(key, match ? unescape(match[2]) : '');
  }
  return entries;
}

function unescape(s: string): string {
  return s.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, c: string) =>
    c.length === 5 ? String.fromCharCode(parseInt(c.slice(1), 16)) : ({ n: '\n', t: '\t', r: '\r', f: '\f' } as Record<string, string>)[c] ?? c,
  );
}

type ParamType = 'number' | 'date' | 'string';

function collectParams(elements: MessageFormatElement[], params: Map<string, ParamType>) {
  for (const e of elements) {
    switch (e.type) {
      case TYPE.argument:
        if (!params.has(e.value)) params.set(e.value, 'string');
        break;
      case TYPE.number:
      case TYPE.plural:
        params.set(e.value, 'number');
        break;
      case TYPE.date:
      case TYPE.time:
        params.set(e.value, 'date');
        break;
      case TYPE.select:
        if (!params.has(e.value)) params.set(e.value, 'string');
        break;
      default:
        break;
    }
    if (e.type === TYPE.plural || e.type === TYPE.select) {
      Object.values(e.options).forEach((option) => collectParams(option.value, params));
    }
    if (e.type === TYPE.tag) collectParams(e.children, params);
  }
}

const TS_TYPE: Record<ParamType, string> = { number: 'number', date: 'Date | number', string: 'string | number' };

/** Checks the bundles and writes the typed key list; throws (failing the build) on any problem. */
export function generateMessages(): void {
  const bundles = Object.fromEntries(
    Object.entries(LANGUAGES).map(([lang, file]) => [lang, parseProperties(readFileSync(new URL(file, BUNDLES), 'utf-8'))]),
  ) as Record<keyof typeof LANGUAGES, Map<string, string>>;
  const problems: string[] = [];
  const keys = [...bundles.nl.keys()];
  for (const [lang, bundle] of Object.entries(bundles)) {
    keys.filter((k) => !bundle.has(k)).forEach((k) => problems.push(`${LANGUAGES[lang as 'nl']}: missing ${k}`));
    [...bundle.keys()].filter((k) => !bundles.nl.has(k)).forEach((k) => problems.push(`${LANGUAGES[lang as 'nl']}: ${k} is not in the Dutch bundle`));
  }
  const signatures: string[] = [];
  for (const key of keys) {
    const params = new Map<string, ParamType>();
    for (const [lang, bundle] of Object.entries(bundles)) {
      const text = bundle.get(key);
      if (text === undefined) continue;
      try {
        collectParams(parse(text), params);
      } catch (e) {
        problems.push(`${LANGUAGES[lang as 'nl']}: ${key} is not valid ICU MessageFormat (${(e as Error).message})`);
      }
    }
    const type = params.size === 0 ? 'undefined' : `{ ${[...params].map(([name, t]) => `${name}: ${TS_TYPE[t]}`).join('; ')} }`;
    signatures.push(`  '${key}': ${type};`);
  }
  if (problems.length) {
    throw new Error(`Translation bundles:\n  ${problems.join('\n  ')}`);
  }
  const code = `// Generated from backend/src/main/resources/vaadin-i18n/*.properties by i18n/bundles.ts; do not edit.
/** Every translation key with the placeholders its message takes. */
export interface Messages {
${signatures.join('\n')}
}

export const MESSAGE_KEYS: ReadonlySet<string> = new Set(${JSON.stringify(keys)});
`;
  let current = '';
  try {
    current = readFileSync(OUTPUT, 'utf-8');
  } catch {
    // first build
  }
  if (current !== code) {
    writeFileSync(OUTPUT, code);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  generateMessages();
}
