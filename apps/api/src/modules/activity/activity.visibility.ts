import { ActivityEntityType, type Role } from '@muse/contracts';
import { type Action, can } from '../auth/permissions.ts';

/**
 * Events about these entities reveal what only the named permission may read: the team's emails
 * and roles (team management), and the agency's account with its token quota (usage).
 */
const ENTITY_READ_PERMISSION: Partial<Record<ActivityEntityType, Action>> = {
  user: 'users.list',
  tenant: 'usage.read',
};

/** Data fields that are usage figures (a generation's tokens), for roles that may read usage. */
const USAGE_FIELDS: readonly string[] = ['tokens'];

/** The entity types whose events the role may see; the repository filters by them so pages stay full. */
export function visibleEntityTypes(role: Role): ActivityEntityType[] {
  return ActivityEntityType.options.filter((type) => {
    const permission = ENTITY_READ_PERMISSION[type];
    return !permission || can(role, permission);
  });
}

/** An event's data as the role may read it: usage figures removed unless it may read usage. */
export function visibleData<T>(role: Role, data: T): T {
  if (can(role, 'usage.read') || !data || typeof data !== 'object' || Array.isArray(data)) return data;
  return Object.fromEntries(Object.entries(data).filter(([key]) => !USAGE_FIELDS.includes(key))) as T;
}
