import type { ActivityEvent } from '@muse/contracts';
import { describe, expect, it } from 'vitest';
import { describeActivity } from './activity';

const olivia = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Olivia Hart',
  role: 'AGENCY_ADMIN',
} as const;

function event(action: string, data: Record<string, unknown>, actor: ActivityEvent['actor'] = olivia) {
  return {
    id: '00000000-0000-4000-8000-000000000002',
    actor,
    entityType: action.split('.')[0] ?? action,
    entityId: '00000000-0000-4000-8000-000000000003',
    action,
    data,
    requestId: null,
    createdAt: '2026-03-01T10:00:00.000Z',
  } satisfies ActivityEvent;
}

describe('describeActivity', () => {
  it.each([
    [
      'idea.status_changed',
      { title: 'Crumb shot', from: 'GENERATED', to: 'PENDING_CLIENT' },
      'Olivia Hart sent “Crumb shot” to the client',
    ],
    [
      'idea.status_changed',
      { title: 'Crumb shot', from: 'PENDING_CLIENT', to: 'CHANGES_REQUESTED' },
      'Olivia Hart asked for changes to “Crumb shot”',
    ],
    [
      'idea.status_changed',
      { title: 'Crumb shot', from: 'CHANGES_REQUESTED', to: 'GENERATED' },
      'Olivia Hart moved “Crumb shot” from Changes requested to Drafts',
    ],
    [
      'idea.edited',
      { title: 'Crumb shot', changedFields: ['caption', 'visualDirection'] },
      'Olivia Hart edited “Crumb shot” (caption, visual direction)',
    ],
    ['idea.commented', { title: 'Crumb shot' }, 'Olivia Hart commented on “Crumb shot”'],
    ['idea.generated', { generationId: 'g' }, 'Muse generated an idea for Olivia Hart'],
    ['idea.regenerated', { generationId: 'g' }, 'Olivia Hart regenerated an idea'],
    [
      'generation.requested',
      { requested: { posts: 4, reels: 1 } },
      'Olivia Hart asked for 4 posts and 1 reel',
    ],
    ['generation.succeeded', { produced: 1, tokens: 900 }, 'Muse generated 1 idea for Olivia Hart'],
    ['generation.succeeded', { produced: 5, tokens: 900 }, 'Muse generated 5 ideas for Olivia Hart'],
    ['generation.failed', { errorCode: 'worker_lost' }, 'Muse could not generate ideas for Olivia Hart'],
    ['client.created', { name: 'Luna Bakery' }, 'Olivia Hart added the client “Luna Bakery”'],
    ['client.archived', { name: 'Luna Bakery' }, 'Olivia Hart archived the client “Luna Bakery”'],
    [
      'campaign.updated',
      { name: 'Spring', changedFields: ['endDate'] },
      'Olivia Hart updated the campaign “Spring” (end date)',
    ],
    ['user.invited', { email: 'lena@luna.test', role: 'CLIENT' }, 'Olivia Hart invited lena@luna.test'],
    ['user.joined', { email: 'olivia@northwind.test' }, 'Olivia Hart joined the agency'],
    ['user.updated', { changes: {} }, 'Olivia Hart updated a team member'],
    ['tenant.updated', { changes: {} }, 'Olivia Hart updated the agency’s settings'],
  ])('%s %o reads “%s”', (action, data, sentence) => {
    expect(describeActivity(event(action, data))).toBe(sentence);
  });

  it('leaves the requester out of the system’s events without one', () => {
    expect(describeActivity(event('generation.succeeded', { produced: 2 }, null))).toBe(
      'Muse generated 2 ideas',
    );
  });

  it('falls back to the action’s verb with the right article for an unknown action', () => {
    expect(describeActivity(event('user.promoted', {}))).toBe('Olivia Hart promoted a user');
    expect(describeActivity(event('idea.pinned', {}))).toBe('Olivia Hart pinned an idea');
  });
});
