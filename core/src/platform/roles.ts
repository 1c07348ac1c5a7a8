export const roles = ['owner', 'admin', 'manager', 'sales', 'marketing', 'viewer'] as const;
export type Role = (typeof roles)[number];

const rank: Record<Role, number> = { owner: 5, admin: 4, manager: 3, sales: 2, marketing: 2, viewer: 1 };

export function atLeast(role: Role, minimum: Role): boolean {
  return rank[role] >= rank[minimum];
}

export function canWrite(role: Role): boolean {
  return role !== 'viewer';
}

/**
 * Sales and marketing see every record but change only those they own (or that nobody owns);
 * managers and above change every record.
 */
export function canChangeRecord(role: Role, userId: string, ownerId: string | null): boolean {
  if (!canWrite(role)) return false;
  if (atLeast(role, 'manager')) return true;
  return ownerId === null || ownerId === userId;
}

/** Workspace settings: users, invitations, pipelines, custom fields, the audit log. */
export function canManageWorkspace(role: Role): boolean {
  return atLeast(role, 'admin');
}

/** Only an owner may make or unmake an owner. */
export function canAssignRole(actorRole: Role, fromRole: Role | null, toRole: Role): boolean {
  if (!canManageWorkspace(actorRole)) return false;
  if (toRole === 'owner' || fromRole === 'owner') return actorRole === 'owner';
  return true;
}
