import type { TouchPerson } from '../../../shared/journeyApi';

/** Who made a touch as the journey shows it: the name, else the id (issue 17); a dash where no person is known. */
export function personLabel(person: TouchPerson | null): string {
  if (!person) return '—';
  return person.name ?? person.id;
}
