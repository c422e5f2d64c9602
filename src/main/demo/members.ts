import type { AccountContext } from './account';
import { COMMUNITY_PLATFORMS, FREE_MAIL_DOMAINS } from './catalog';
import { otherCompanyDomain, randomPerson, workEmail, type Person } from './names';
import { DAY, DEMO_END, DEMO_START, wholeSecond } from './plan';
import { WeightedChoice, type Random } from './random';
import type { DemoWriter } from './writer';

export interface Member {
  id: string;
  email: string | null;
  platform: string;
  joinedAt: number;
  /** Actions fall between joining (or the demo's start) and this. */
  activeUntil: number;
  /** The member's latest action that only makes sense at their account; a job move can only come after it. */
  tiedUntil: number;
}

const PLATFORM = new WeightedChoice(COMMUNITY_PLATFORMS);

function fullName(person: Person): string {
  return `${person.firstName} ${person.lastName}`;
}

function freeMailAddress(random: Random, person: Person): string {
  const local = `${person.firstName}.${person.lastName}`.toLowerCase();
  const suffix = random.chance(0.6) ? String(random.int(1, 999)) : '';
  return `${local}${suffix}@${random.pick(FREE_MAIL_DOMAINS)}`;
}

/** The earliest moment a member can act: not before joining, and not before the demo's span. */
export function firstActiveAt(member: Member): number {
  return Math.max(member.joinedAt, DEMO_START);
}

/**
 * Writes one of an account's people in the community, resolvable in one of the ways identity resolution knows
 * (spec data: identity resolution): a contact's address (sometimes in other letter case), another address at the
 * account's domain, or a free-mail address with the company named in `company_domain`.
 */
export function writeAccountMember(
  random: Random,
  writer: DemoWriter,
  account: AccountContext,
  index: number,
  joinedAt: number,
  activeUntil: number,
): Member {
  const draw = random.next();
  const contact = account.contacts[index];
  let email: string;
  let name: string;
  let companyDomain: string | null;
  if (contact && draw < 0.55) {
    email = random.chance(0.1) ? contact.email.charAt(0).toUpperCase() + contact.email.slice(1) : contact.email;
    name = `${contact.firstName} ${contact.lastName}`;
    companyDomain = random.chance(0.4) ? account.domain : null;
  } else {
    const person = randomPerson(random);
    name = fullName(person);
    if (draw < 0.8) {
      email = workEmail(person, account.domain, account.takenEmails);
      companyDomain = random.chance(0.3) ? account.domain : null;
    } else {
      email = freeMailAddress(random, person);
      companyDomain = account.domain;
    }
  }
  const platform = PLATFORM.draw(random);
  const id = writer.member(email, name, platform, companyDomain, joinedAt);
  return { id, email, platform, joinedAt, activeUntil, tiedUntil: joinedAt };
}

/**
 * Writes a member who resolves to no account: a free-mail address with no company, an address at a company that is
 * not an account, or no address at all. They are listed as unresolved, never dropped.
 */
export function writeUnresolvedMember(random: Random, writer: DemoWriter, joinedAt: number): Member {
  const person = randomPerson(random);
  const draw = random.next();
  let email: string | null = null;
  let companyDomain: string | null = null;
  if (draw < 0.55) {
    email = freeMailAddress(random, person);
  } else if (draw < 0.9) {
    const domain = otherCompanyDomain(random);
    email = workEmail(person, domain, new Set());
    companyDomain = random.chance(0.5) ? domain : null;
  }
  const platform = PLATFORM.draw(random);
  const id = writer.member(email, fullName(person), platform, companyDomain, joinedAt);
  return { id, email, platform, joinedAt, activeUntil: DEMO_END, tiedUntil: joinedAt };
}

/** A person who joins the community while at a company outside the CRM, then moves to an account (job_move). */
export function writeFutureMover(random: Random, writer: DemoWriter, moveAt: number): Member {
  const person = randomPerson(random);
  const joinedAt = wholeSecond(moveAt - random.float(60, 500) * DAY);
  const platform = PLATFORM.draw(random);
  const email = freeMailAddress(random, person);
  const id = writer.member(email, fullName(person), platform, otherCompanyDomain(random), joinedAt);
  return { id, email, platform, joinedAt, activeUntil: DEMO_END, tiedUntil: joinedAt };
}
