import type { Role } from '../platform/roles.ts';
import type { DemoMember } from './demo-types.ts';
import type { Random } from './random.ts';

/** How much of the book each role carries: reps most, managers some, owners and admins a little. */
const sellingWeight: Partial<Record<Role, number>> = { sales: 4, manager: 2, admin: 1, owner: 1 };

export interface Owners {
  /** Someone who owns companies, deals and the work on them. */
  seller(random: Random): string | null;
  /** Someone who owns fresh leads: marketing when the team has it, else a seller. */
  marketer(random: Random): string | null;
}

export function ownersOf(members: readonly DemoMember[]): Owners {
  const sellers = members
    .filter((member) => (sellingWeight[member.role] ?? 0) > 0)
    .map((member) => [member.userId, sellingWeight[member.role]!] as const);
  const marketers = members.filter((member) => member.role === 'marketing').map((member) => member.userId);
  const seller = (random: Random) => (sellers.length > 0 ? random.weighted(sellers) : null);
  return {
    seller,
    marketer: (random) => (marketers.length > 0 ? random.pick(marketers) : seller(random)),
  };
}
