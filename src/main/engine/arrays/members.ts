import type { EngineTables } from '../../store/engineTables';
import type { Dictionary } from './dictionary';

/**
 * A member's account at a moment (data.md, identity resolution): their resolved account, changed by each job move
 * from its date on. A move to a domain no account has takes the member out of every account from then on: they
 * left the old company, and the new one is not in the project.
 */
export function memberAccounts(tables: EngineTables, accounts: Dictionary): (member: string, at: number) => number {
  const base = new Map<string, number>();
  for (const block of tables.memberIdentityBlocks()) {
    for (const [memberId, accountId] of block) base.set(memberId, accountId === null ? -1 : accounts.id(accountId));
  }
  const moves = new Map<string, { at: number; account: number }[]>();
  for (const [memberId, movedAt, accountId] of tables.memberMoves()) {
    const list = moves.get(memberId) ?? [];
    list.push({ at: movedAt, account: accountId === null ? -1 : accounts.id(accountId) });
    moves.set(memberId, list);
  }
  return (member, at) => {
    let account = base.get(member) ?? -1;
    const memberMoves = moves.get(member);
    if (memberMoves === undefined) return account;
    for (const move of memberMoves) {
      if (move.at > at) break;
      account = move.account;
    }
    return account;
  };
}
