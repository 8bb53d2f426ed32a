import { isUuid, PLATFORM_WORKSPACE, WORKSPACE_HEADER } from '@muse/contracts';
import { AppError } from '../../http/app-error.ts';

/** The X-Muse-Workspace a request sent: a tenant id or `platform`; anything else is 400. */
export function requestedWorkspace(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (value === PLATFORM_WORKSPACE || isUuid(value)) return value.toLowerCase();
  throw new AppError('invalid_input', `${WORKSPACE_HEADER} names a tenant id or "${PLATFORM_WORKSPACE}"`);
}

/** What X-Muse-Workspace says for a membership. */
export function workspaceOf(membership: { tenantId: string | null }): string {
  return membership.tenantId ?? PLATFORM_WORKSPACE;
}

/**
 * The membership a request acts as. The same 403 for a workspace that does not exist and one
 * the identity is not in: the answer tells nobody which agencies use Muse.
 */
export function chooseMembership<T extends { tenantId: string | null }>(
  memberships: T[],
  workspace: string | undefined,
): T {
  if (workspace !== undefined) {
    const chosen = memberships.find((membership) => workspaceOf(membership) === workspace);
    if (!chosen) {
      throw new AppError('forbidden', 'You are not a member of this workspace', {
        details: [{ reason: 'not_a_member' }],
      });
    }
    return chosen;
  }
  const [only, ...others] = memberships;
  if (!only) {
    throw new AppError('unauthenticated', 'No Muse workspace belongs to this identity yet', {
      details: [{ reason: 'no_membership' }],
    });
  }
  if (others.length > 0) {
    throw new AppError(
      'invalid_input',
      `This identity belongs to several workspaces: send ${WORKSPACE_HEADER}`,
      {
        details: [{ reason: 'workspace_required' }],
      },
    );
  }
  return only;
}
