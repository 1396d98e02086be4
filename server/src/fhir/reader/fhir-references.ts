import type { SourceKey } from '../../imports/import-records';

/*
 * FHIR references, in the four forms bundles use: `urn:uuid:` (an entry's fullUrl), relative
 * (`Patient/123`), absolute (`https://host/fhir/Patient/123`) and conditional
 * (`Patient?identifier=system|value`). A reference resolves to the source key of its target, so
 * an encounter may name a patient stored by an earlier import as well as one in the same bundle.
 *
 * Resource ids are unique only within the server that gave them: `Patient/123` of two EMRs are two
 * people. So an id key is qualified by the source's base URL when the entry's fullUrl is absolute
 * (`https://emr.a/fhir/Patient/123`), and a relative reference is resolved against the base of the
 * entry that makes it. `urn:uuid:` fullUrls carry no base (their ids are meant to be global), and an
 * entry without fullUrl gives the bare `Patient/123` (its source is not known).
 */

/** `system|value`: how an identifier is kept as a source key. */
export function identifierKey(system: string, value: string): SourceKey {
  return `${system}|${value}`;
}

/** `https://emr.a/fhir/` from an absolute fullUrl `https://emr.a/fhir/Patient/123`; undefined for `urn:` and relative ones. */
export function sourceBase(fullUrl: string | undefined): string | undefined {
  if (!fullUrl || !/^https?:\/\//i.test(fullUrl)) return undefined;
  const literal = LITERAL.exec(fullUrl);
  return literal ? fullUrl.slice(0, literal.index + (fullUrl[literal.index] === '/' ? 1 : 0)) : undefined;
}

/** The key of a resource's own id: `<base>Type/id` when its fullUrl gives the source's base, else `Type/id`. */
export function resourceIdKey(type: string, id: string, fullUrl: string | undefined): SourceKey {
  return `${sourceBase(fullUrl) ?? ''}${type}/${id}`;
}

/** `Patient/123` from `Patient/123`, `Patient/123/_history/2` or `https://host/fhir/Patient/123`. */
const LITERAL = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/;

export function literalReference(reference: string): { type: string; id: string } | null {
  const match = LITERAL.exec(reference);
  return match ? { type: match[1], id: match[2] } : null;
}

/** The key a conditional reference names: `Patient?identifier=system|value` → `system|value`. */
export function conditionalKey(reference: string, type: string): SourceKey | null {
  if (!reference.startsWith(`${type}?`)) return null;
  const params = new URLSearchParams(reference.slice(type.length + 1));
  const identifier = params.get('identifier');
  if (!identifier) return null;
  const bar = identifier.indexOf('|');
  // `identifier=value` without a system matches any system: not a key Huifang can look up.
  if (bar <= 0 || bar === identifier.length - 1) return null;
  return identifier;
}

/** What the bundle's own entries answer to: their fullUrl and `Type/id`, each to the record's main key. */
export class BundleReferences {
  private readonly byUrl = new Map<string, SourceKey>();

  /** Remembers an entry of `type` whose stored record is found by `key`. */
  add(type: string, fullUrl: string | undefined, id: string | undefined, key: SourceKey): void {
    if (fullUrl) this.byUrl.set(fullUrl, key);
    if (id) this.byUrl.set(resourceIdKey(type, id, fullUrl), key);
  }

  /**
   * The source key `reference` points at, if it points at a `type`: an entry of this bundle, or a
   * record stored earlier (its id key or identifier key). `fromUrl` is the fullUrl of the entry that
   * makes the reference: a relative reference is read within its base. Null when it cannot point at one.
   */
  resolve(reference: string, type: string, fromUrl?: string): SourceKey | null {
    const inBundle = this.byUrl.get(reference);
    if (inBundle) return inBundle;
    if (reference.startsWith('urn:') || reference.startsWith('#')) return null;
    if (reference.includes('?')) return conditionalKey(reference, type);
    const literal = literalReference(reference);
    if (!literal || literal.type !== type) return null;
    const absolute = /^https?:\/\//i.test(reference);
    const key = absolute ? resourceIdKey(type, literal.id, reference) : resourceIdKey(type, literal.id, fromUrl);
    return this.byUrl.get(key) ?? key;
  }
}
