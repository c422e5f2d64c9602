import { ACCOUNT_TLDS, COMPANY_CORES, COMPANY_PREFIXES, FIRST_NAMES, LAST_NAMES, OTHER_COMPANY_TLDS } from './catalog';
import type { Random } from './random';

const QUALIFIERS = [
  'Group',
  'Global',
  'Technologies',
  'Solutions',
  'Collective',
  'International',
  'Digital',
  'Worldwide',
  'Industries',
  'Innovations',
  'Enterprises',
  'Unlimited',
] as const;

export interface Company {
  name: string;
  domain: string;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

/**
 * Hands out company names whose domains are unique by construction: a shuffled list of prefix x core names is used
 * once plainly, then once per qualifier ("Acme Analytics Group"), then with a number, so no set of taken domains is
 * needed at any scale.
 */
export class CompanyNames {
  private readonly order: Uint32Array;
  private issued = 0;

  constructor(random: Random) {
    const size = COMPANY_PREFIXES.length * COMPANY_CORES.length;
    this.order = new Uint32Array(size);
    for (let i = 0; i < size; i++) this.order[i] = i;
    for (let i = size - 1; i > 0; i--) {
      const j = random.int(0, i);
      const swap = this.order[i] as number;
      this.order[i] = this.order[j] as number;
      this.order[j] = swap;
    }
  }

  next(): Company {
    const index = this.issued++;
    const base = this.order[index % this.order.length] as number;
    const round = Math.floor(index / this.order.length);
    const prefix = COMPANY_PREFIXES[Math.floor(base / COMPANY_CORES.length)] as string;
    const core = COMPANY_CORES[base % COMPANY_CORES.length] as string;
    const tld = ACCOUNT_TLDS[base % ACCOUNT_TLDS.length] as string;
    const qualifier = round === 0 ? '' : (QUALIFIERS[round - 1] ?? String(round - QUALIFIERS.length + 1));
    const name = qualifier ? `${prefix} ${core} ${qualifier}` : `${prefix} ${core}`;
    return { name, domain: `${slug(name)}.${tld}` };
  }
}

/** A company that is not an account (a member's former or unrelated employer); its domain never matches one. */
export function otherCompanyDomain(random: Random): string {
  return `${slug(random.pick(COMPANY_PREFIXES))}${slug(random.pick(COMPANY_CORES))}.${random.pick(OTHER_COMPANY_TLDS)}`;
}

export interface Person {
  firstName: string;
  lastName: string;
}

export function randomPerson(random: Random): Person {
  return { firstName: random.pick(FIRST_NAMES), lastName: random.pick(LAST_NAMES) };
}

/** The local part of a work address, "first.last", with a number when the account already has that address. */
export function workEmail(person: Person, domain: string, taken: Set<string>): string {
  const local = `${person.firstName}.${person.lastName}`.toLowerCase().replace(/[^a-z0-9.]/g, '');
  let email = `${local}@${domain}`;
  for (let n = 2; taken.has(email); n++) email = `${local}${n}@${domain}`;
  taken.add(email);
  return email;
}
