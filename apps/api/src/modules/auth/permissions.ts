import type { Role } from '@muse/contracts';
import { AppError } from '../../http/app-error.ts';

/**
 * Who may do what: the one table of the API. The route pipeline checks it against each route's
 * access; the authorization matrix test reads it to know which roles must get 403.
 */
export const PERMISSIONS = {
  'me.read': ['PLATFORM_ADMIN', 'AGENCY_ADMIN', 'AGENCY_MEMBER', 'CLIENT'],
  'tenants.list': ['PLATFORM_ADMIN'],
  'tenants.read': ['PLATFORM_ADMIN'],
  'tenants.create': ['PLATFORM_ADMIN'],
  'tenants.update': ['PLATFORM_ADMIN'],
  'users.list': ['AGENCY_ADMIN'],
  'users.invite': ['AGENCY_ADMIN'],
  'users.update': ['AGENCY_ADMIN'],
  'clients.list': ['AGENCY_ADMIN', 'AGENCY_MEMBER'],
  'clients.read': ['AGENCY_ADMIN', 'AGENCY_MEMBER', 'CLIENT'],
  'clients.create': ['AGENCY_ADMIN', 'AGENCY_MEMBER'],
  'clients.update': ['AGENCY_ADMIN', 'AGENCY_MEMBER'],
  'clients.archive': ['AGENCY_ADMIN', 'AGENCY_MEMBER'],
  'clients.restore': ['AGENCY_ADMIN', 'AGENCY_MEMBER'],
  // The versions of a brand profile: the agency's working history, not the client's to read.
  'clients.history': ['AGENCY_ADMIN', 'AGENCY_MEMBER'],
  // What review taught about a brand, and taking it into the profile: the agency's to decide.
  'clients.brandProposals.read': ['AGENCY_ADMIN', 'AGENCY_MEMBER'],
  'clients.brandProposals.decide': ['AGENCY_ADMIN', 'AGENCY_MEMBER'],
  'campaigns.list': ['AGENCY_ADMIN', 'AGENCY_MEMBER', 'CLIENT'],
  'campaigns.read': ['AGENCY_ADMIN', 'AGENCY_MEMBER', 'CLIENT'],
  'campaigns.create': ['AGENCY_ADMIN', 'AGENCY_MEMBER'],
  'campaigns.update': ['AGENCY_ADMIN', 'AGENCY_MEMBER'],
  'campaigns.archive': ['AGENCY_ADMIN', 'AGENCY_MEMBER'],
  // Reading, exporting and moving ideas; which moves and edits a role may make is the workflow's rule.
  'ideas.read': ['AGENCY_ADMIN', 'AGENCY_MEMBER', 'CLIENT'],
  'ideas.update': ['AGENCY_ADMIN', 'AGENCY_MEMBER', 'CLIENT'],
  // What the agency checks before sending; the client sees the idea, not the agency's doubts.
  'ideas.check': ['AGENCY_ADMIN', 'AGENCY_MEMBER'],
  'comments.read': ['AGENCY_ADMIN', 'AGENCY_MEMBER', 'CLIENT'],
  'comments.create': ['AGENCY_ADMIN', 'AGENCY_MEMBER', 'CLIENT'],
  'activity.read': ['AGENCY_ADMIN', 'AGENCY_MEMBER'],
  'generations.create': ['AGENCY_ADMIN', 'AGENCY_MEMBER'],
  'generations.read': ['AGENCY_ADMIN', 'AGENCY_MEMBER'],
  'usage.read': ['AGENCY_ADMIN'],
  // How clients answer reviews: the agency's working figures, members included (they send the rounds).
  'analytics.read': ['AGENCY_ADMIN', 'AGENCY_MEMBER'],
  'branding.read': ['AGENCY_ADMIN', 'AGENCY_MEMBER'],
  'branding.update': ['AGENCY_ADMIN'],
  // A user's own notification centre and mail settings.
  'notifications.read': ['AGENCY_ADMIN', 'AGENCY_MEMBER', 'CLIENT'],
  'notifications.update': ['AGENCY_ADMIN', 'AGENCY_MEMBER', 'CLIENT'],
  'reviewRounds.read': ['AGENCY_ADMIN', 'AGENCY_MEMBER'],
  'reviewRounds.remind': ['AGENCY_ADMIN', 'AGENCY_MEMBER'],
  'review-links.read': ['AGENCY_ADMIN', 'AGENCY_MEMBER'],
  'review-links.manage': ['AGENCY_ADMIN', 'AGENCY_MEMBER'],
  // A stream of what changed that the user may read (live.audience.ts says what).
  'live.read': ['AGENCY_ADMIN', 'AGENCY_MEMBER', 'CLIENT'],
  // A user's own calendar subscription address.
  'calendar.feed': ['AGENCY_ADMIN', 'AGENCY_MEMBER', 'CLIENT'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;

export function allowedRoles(action: Action): readonly Role[] {
  return PERMISSIONS[action];
}

export function can(role: Role, action: Action): boolean {
  return (PERMISSIONS[action] as readonly Role[]).includes(role);
}

/** Throws 403 unless the actor's role may perform the action. */
export function authorize(actor: { role: Role }, action: Action): void {
  if (!can(actor.role, action)) throw new AppError('forbidden', 'Your role does not allow this');
}

/** The tenant an agency action runs in (agency roles always have one; the database enforces it). */
export function tenantScopeOf(actor: { tenantId: string | null }): string {
  if (!actor.tenantId) throw new AppError('forbidden', 'This action belongs to an agency');
  return actor.tenantId;
}
