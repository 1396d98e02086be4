import { calendarDayOf, isCalendarDay } from '@huifang/shared';
import { literalReference } from './fhir-references';
import { isObject, type Json } from './fhir-values';

/*
 * What other resources of the bundle say about a visit: the expected return date and the charge.
 * Gathered in a first pass over the entries (they follow the encounter they point at), then looked
 * up when the encounter is read. These resources stay counted as skipped: nothing of them is stored
 * on its own.
 *
 * Return date: Synthea's HIV module (OpenMRS) codes "RETURN VISIT DATE" as concept 5096
 * (`5096AAAA…`, filed under loinc.org for Observations and snomed.info/sct for Encounter.type). In
 * the sample bundles the Observation (linked to its encounter) carries NO value, only
 * `effectiveDateTime` = the visit's own start, and the encounter typed 5096 is itself the return
 * visit: so none of them gives a date after the visit, and their `nextVisitDue` stays null. An
 * Observation of that concept WITH a `valueDateTime` (as OpenMRS exports it) gives the date.
 *
 * Charge: the sum of the `total` of every Claim (use `claim`, not cancelled) whose items name the
 * encounter; without a Claim, the ExplanationOfBenefit's `submitted` total, as fen. Huifang stores
 * yuan and does not convert: only an amount in CNY (or with no currency, taken as the hospital's
 * own) is taken; one in any other currency (Synthea: USD) is not, and the visit's charge stays unknown.
 */

const RETURN_VISIT_CONCEPT = /^5096A+$/;

export interface VisitFact {
  nextVisitDue: string | null;
  chargeCents: number | null;
}

interface Gathered {
  nextVisitDue?: string;
  claimCents?: number;
  benefitCents?: number;
}

/** `urn:uuid:…` stays as is; any literal form becomes `Encounter/<id>`. */
function encounterRefKey(reference: string): string {
  if (reference.startsWith('urn:')) return reference;
  const literal = literalReference(reference);
  return literal?.type === 'Encounter' ? `Encounter/${literal.id}` : reference;
}

function cents(money: unknown): number | undefined {
  if (!isObject(money) || typeof money['value'] !== 'number' || !Number.isFinite(money['value'])) return undefined;
  if (money['currency'] !== undefined && money['currency'] !== 'CNY') return undefined;
  const amount = Math.round(money['value'] * 100);
  return Number.isSafeInteger(amount) && amount >= 0 && amount <= 2_147_483_647 ? amount : undefined;
}

function references(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.flatMap((ref) => (isObject(ref) && typeof ref['reference'] === 'string' ? [encounterRefKey(ref['reference'])] : []));
}

export class VisitFacts {
  private readonly byEncounter = new Map<string, Gathered>();

  constructor(private readonly timeZone: string) {}

  /** Looks at one entry of the first pass; anything malformed here is ignored (its resource is skipped anyway). */
  gather(resource: Json): void {
    switch (resource['resourceType']) {
      case 'Observation':
        return this.observation(resource);
      case 'Claim':
        return this.charge(resource, 'claimCents', cents(resource['total']));
      case 'ExplanationOfBenefit':
        return this.charge(resource, 'benefitCents', this.submitted(resource));
    }
  }

  of(encounter: Json, fullUrl: string | undefined): VisitFact {
    const id = typeof encounter['id'] === 'string' ? encounter['id'] : undefined;
    const found = (fullUrl && this.byEncounter.get(encounterRefKey(fullUrl))) || (id && this.byEncounter.get(`Encounter/${id}`)) || {};
    return { nextVisitDue: found.nextVisitDue ?? null, chargeCents: found.claimCents ?? found.benefitCents ?? null };
  }

  private observation(resource: Json): void {
    const code = resource['code'];
    const coded = isObject(code) && Array.isArray(code['coding']) && code['coding'].some((c) => isObject(c) && typeof c['code'] === 'string' && RETURN_VISIT_CONCEPT.test(c['code']));
    const value = resource['valueDateTime'];
    if (!coded || typeof value !== 'string') return;
    const day = isCalendarDay(value) ? value : this.dayOf(value);
    const encounter = references(resource['encounter'])[0];
    if (day && encounter) this.fact(encounter).nextVisitDue = day;
  }

  private dayOf(value: string): string | undefined {
    const at = new Date(value);
    return /T\d{2}:\d{2}/.test(value) && !Number.isNaN(at.getTime()) ? calendarDayOf(at, this.timeZone) : undefined;
  }

  private submitted(resource: Json): number | undefined {
    const totals = Array.isArray(resource['total']) ? resource['total'] : [];
    const found = totals.find((total) => isObject(total) && JSON.stringify(total['category'] ?? '').includes('"submitted"'));
    return isObject(found) ? cents(found['amount']) : undefined;
  }

  private charge(resource: Json, field: 'claimCents' | 'benefitCents', amount: number | undefined): void {
    if (amount === undefined || resource['status'] === 'cancelled' || resource['status'] === 'entered-in-error') return;
    if (resource['use'] !== undefined && resource['use'] !== 'claim') return;
    const items = Array.isArray(resource['item']) ? resource['item'] : [];
    // A claim is charged once: to the first encounter its items name.
    const encounter = items.flatMap((item) => (isObject(item) ? references(item['encounter']) : []))[0];
    if (!encounter) return;
    const fact = this.fact(encounter);
    fact[field] = Math.min((fact[field] ?? 0) + amount, 2_147_483_647);
  }

  private fact(encounter: string): Gathered {
    let fact = this.byEncounter.get(encounter);
    if (!fact) this.byEncounter.set(encounter, (fact = {}));
    return fact;
  }
}
