import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

const SCHEMA_DIR = join(__dirname, '..', 'fixtures', 'oparl', 'schema');
const TYPE_PREFIX = 'https://schema.oparl.org/1.1/';

/** The official OParl 1.1 schemas (test/fixtures/oparl/schema), compiled with ajv, by type name. */
export function oparlValidators(): Map<string, ValidateFunction> {
  // strict off: the schemas carry the spec's own keywords ("references", "backreference", …);
  // their patterns escape ":" and "/", which only non-unicode regular expressions accept.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  ajv.addFormat('url', (value: string) => {
    try {
      return ['http:', 'https:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  });
  const validators = new Map<string, ValidateFunction>();
  for (const file of readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.json'))) {
    const schema = JSON.parse(readFileSync(join(SCHEMA_DIR, file), 'utf8')) as object;
    validators.set(file.replace(/\.json$/, ''), ajv.compile(schema));
  }
  return validators;
}

export interface CrawlResult {
  /** Every URL fetched, with its status. */
  fetched: Map<string, number>;
  /** Objects validated, by type name (embedded ones counted too). */
  validated: Map<string, number>;
  violations: string[];
  /** List URLs with the number of pages followed. */
  listPages: Map<string, number>;
  objects: Map<string, Record<string, unknown>>;
}

/**
 * Walks a published OParl API the way a client does: from the System object, every list page
 * (through `links.next`), every referenced URL of the same server (objects, lists, files), and
 * validates every object, embedded ones by their own type's schema.
 */
export async function crawlOparl(systemUrl: string): Promise<CrawlResult> {
  const validators = oparlValidators();
  const origin = new URL(systemUrl).origin;
  const root = systemUrl.replace(/\/system$/, '');
  const result: CrawlResult = {
    fetched: new Map(),
    validated: new Map(),
    violations: [],
    listPages: new Map(),
    objects: new Map(),
  };
  const queue: Array<{ url: string; kind: 'json' | 'file'; from: string }> = [
    { url: systemUrl, kind: 'json', from: '(start)' },
  ];
  const seen = new Set<string>([systemUrl]);
  const enqueue = (url: string, kind: 'json' | 'file', from: string) => {
    if (seen.has(url)) return;
    seen.add(url);
    queue.push({ url, kind, from });
  };

  const validate = (object: Record<string, unknown>, where: string) => {
    const typeName = String(object.type ?? '').replace(TYPE_PREFIX, '');
    const validator = validators.get(typeName);
    if (!validator) {
      result.violations.push(`${where}: unknown type ${String(object.type)}`);
      return;
    }
    if (!validator(object))
      result.violations.push(
        `${where} (${typeName}): ${JSON.stringify(validator.errors?.map((e) => `${e.instancePath} ${e.message}`))}`,
      );
    for (const key of ['created', 'modified'])
      if (typeof object[key] !== 'string')
        result.violations.push(`${where} (${typeName}): no ${key}`);
    result.validated.set(typeName, (result.validated.get(typeName) ?? 0) + 1);
    if (typeof object.id === 'string') enqueue(object.id, 'json', where);
    visit(object, where, true);
  };

  // Embedded objects by their schema; every URL of this server followed.
  const visit = (value: unknown, where: string, top: boolean): void => {
    if (Array.isArray(value)) {
      value.forEach((item) => visit(item, where, false));
      return;
    }
    if (value && typeof value === 'object') {
      const object = value as Record<string, unknown>;
      if (!top && typeof object.type === 'string' && object.type.startsWith(TYPE_PREFIX)) {
        validate(object, `${where} > ${String(object.id)}`);
        return;
      }
      for (const [key, inner] of Object.entries(object)) {
        if (typeof inner === 'string' && inner.startsWith(`${origin}/`)) {
          if (!inner.startsWith(root))
            result.violations.push(`${where}.${key}: foreign URL ${inner}`);
          else
            enqueue(
              inner,
              key === 'accessUrl' || key === 'downloadUrl' ? 'file' : 'json',
              `${where}.${key}`,
            );
        } else if (inner && typeof inner === 'object') visit(inner, `${where}.${key}`, false);
      }
    }
  };

  while (queue.length > 0) {
    const { url, kind, from } = queue.shift() as (typeof queue)[number];
    const response = await fetch(url);
    result.fetched.set(url, response.status);
    if (response.status !== 200) {
      result.violations.push(`${url} (from ${from}): HTTP ${response.status}, dangling URL`);
      continue;
    }
    if (kind === 'file') {
      await response.arrayBuffer();
      continue;
    }
    if (response.headers.get('access-control-allow-origin') !== '*')
      result.violations.push(`${url}: no Access-Control-Allow-Origin: *`);
    const body = (await response.json()) as Record<string, unknown>;
    if (Array.isArray(body.data)) {
      const list = url.split('?')[0];
      result.listPages.set(list, (result.listPages.get(list) ?? 0) + 1);
      if (!body.pagination || typeof body.links !== 'object')
        result.violations.push(`${url}: list page without pagination or links`);
      const links = body.links as Record<string, string>;
      for (const [index, item] of (body.data as Array<Record<string, unknown>>).entries())
        validate(item, `${url} data[${index}]`);
      if (links.next) enqueue(links.next, 'json', `${url} links.next`);
      continue;
    }
    if (body.id !== url) result.violations.push(`${url}: its id is ${String(body.id)}`);
    result.objects.set(url, body);
    validate(body, url);
  }
  return result;
}
