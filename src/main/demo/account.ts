import { CONTACT_FUNCTIONS, TITLES_BY_FUNCTION, type ContactFunction } from './catalog';
import { randomPerson, workEmail, type Company } from './names';
import { wholeSecond, type AccountPlan } from './plan';
import { WeightedChoice, type Random } from './random';
import type { DemoWriter } from './writer';

export interface ContactInfo {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  role: ContactFunction;
}

/** What the touch and community writers need to know about an account once its CRM rows are written. */
export interface AccountContext {
  plan: AccountPlan;
  accountId: string;
  domain: string;
  /** The first contact is the one whose lead creation starts the journey. */
  contacts: ContactInfo[];
  /** Parallel to `plan.opportunities`. */
  opportunityIds: string[];
  /** Addresses already used at the account's domain, so community members get fresh ones. */
  takenEmails: Set<string>;
}

const PRIMARY_ROLE = new WeightedChoice<ContactFunction>([
  ['marketing', 35],
  ['revops', 25],
  ['data', 20],
  ['executive', 10],
  ['product', 10],
]);

const UPGRADE_PRODUCTS = [
  'Additional Seats',
  'Enterprise Tier',
  'Community Analytics Add-on',
  'API Package',
  'Premium Support',
] as const;

function opportunityName(random: Random, company: string, plan: AccountPlan['opportunities'][number]): string {
  if (plan.type === 'new_business') return `${company} - New Business`;
  if (plan.type === 'upgrade') return `${company} - ${random.pick(UPGRADE_PRODUCTS)}`;
  return `${company} - Renewal ${new Date(plan.createdAt).getUTCFullYear()}`;
}

/** Writes the account, its contacts and its opportunities. */
export function writeAccount(random: Random, writer: DemoWriter, company: Company, plan: AccountPlan): AccountContext {
  const accountId = writer.account(company.name, company.domain, plan.segment, plan.employees);
  const takenEmails = new Set<string>();
  const contacts: ContactInfo[] = [];
  const lead = plan.leadCreatedAt;
  for (let i = 0; i < plan.contactCount; i++) {
    const person = randomPerson(random);
    const role = i === 0 ? PRIMARY_ROLE.draw(random) : random.pick(CONTACT_FUNCTIONS);
    const email = workEmail(person, company.domain, takenEmails);
    // Colleagues become leads after the first contact, or never; so the first contact starts the journey.
    let leadCreatedAt: number | null = null;
    if (lead !== null) {
      if (i === 0) leadCreatedAt = lead;
      else if (random.chance(0.6)) leadCreatedAt = wholeSecond(random.float(lead, Math.max(lead, plan.activeUntil)));
    }
    const title = random.pick(TITLES_BY_FUNCTION[role]);
    const id = writer.contact(accountId, email, person.firstName, person.lastName, title, leadCreatedAt);
    contacts.push({ id, email, firstName: person.firstName, lastName: person.lastName, role });
  }
  const opportunityIds = plan.opportunities.map((opportunity) =>
    writer.opportunity(accountId, opportunityName(random, company.name, opportunity), opportunity),
  );
  return { plan, accountId, domain: company.domain, contacts, opportunityIds, takenEmails };
}
