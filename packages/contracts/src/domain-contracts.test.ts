import { describe, expect, it } from 'vitest';
import { CreateCampaignBody, UpdateCampaignBody } from './campaigns.ts';
import { CreateClientBody } from './clients.ts';
import { ideaSnapshot } from './idea-content.ts';
import { UpdateIdeaBody } from './ideas.ts';
import { describeNotification } from './notifications.ts';
import { answerChange, CLIENT_ANSWER_STATUSES, findTransition, IDEA_TRANSITIONS } from './workflow.ts';

const clientId = '5b0c8f0e-8a3c-4f5e-9d43-2f7a1c9b6e21';

describe('campaign bodies', () => {
  it('when the end date is before the start date, then the body is refused at endDate', () => {
    const result = CreateCampaignBody.safeParse({
      clientId,
      name: 'Launch',
      platforms: ['INSTAGRAM'],
      startDate: '2026-12-10',
      endDate: '2026-12-01',
      numPosts: 1,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain('endDate');
  });

  it('when neither posts nor reels are planned, then the body is refused', () => {
    const result = CreateCampaignBody.safeParse({ clientId, name: 'Launch', platforms: ['X'] });
    expect(result.error?.issues[0]?.message).toBe('plan at least one post or reel');
  });

  it('when a count is out of 0–50 or a field is unknown, then the body is refused with its path', () => {
    const result = CreateCampaignBody.safeParse({
      clientId,
      name: 'L',
      platforms: ['X'],
      numPosts: 51,
      extra: 1,
    });
    const paths = result.error?.issues.map((i) => i.path.join('.') || i.message) ?? [];
    expect(paths).toContain('numPosts');
    expect(JSON.stringify(result.error?.issues)).toContain('extra');
  });

  it('when an update is empty, then it is refused', () => {
    expect(UpdateCampaignBody.safeParse({}).success).toBe(false);
    expect(UpdateCampaignBody.safeParse({ name: 'New name' }).success).toBe(true);
  });
});

describe('client bodies', () => {
  it('when hashtags lack # or the platform list is empty, then the body is refused', () => {
    const result = CreateClientBody.safeParse({ name: 'Acme', platforms: [], defaultHashtags: ['coffee'] });
    const paths = result.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['platforms', 'defaultHashtags.0']));
  });

  it('fills the optional brand fields with empty values', () => {
    expect(CreateClientBody.parse({ name: ' Acme ', platforms: ['INSTAGRAM'] })).toMatchObject({
      name: 'Acme',
      dontList: [],
      brandVoice: '',
    });
  });
});

describe('changed answers', () => {
  it('moves between two different answers of the client, with a reason where the answer needs one', () => {
    expect(CLIENT_ANSWER_STATUSES).toEqual(['CLIENT_APPROVED', 'CHANGES_REQUESTED', 'CLIENT_REJECTED']);
    expect(answerChange('CLIENT_APPROVED', 'CHANGES_REQUESTED')).toMatchObject({
      from: 'CLIENT_APPROVED',
      by: 'client',
      commentRequired: true,
      startsRound: false,
    });
    expect(answerChange('CLIENT_APPROVED', 'CLIENT_APPROVED')).toBeUndefined();
    expect(answerChange('PENDING_CLIENT', 'CLIENT_APPROVED')).toBeUndefined();
    expect(answerChange('CHANGES_REQUESTED', 'PENDING_CLIENT')).toBeUndefined();
  });

  it('tells the agency of a changed answer as a change', () => {
    const data = {
      campaignName: 'Spring Menu',
      clientName: 'Acme Coffee',
      ideaTitle: 'Crumb shot',
      answer: 'CHANGES_REQUESTED' as const,
      by: 'Priya Nair',
      comment: 'Shorter hook',
    };
    expect(describeNotification({ kind: 'CLIENT_ANSWERED', data }).title).toBe(
      'Priya Nair asked for changes to “Crumb shot”',
    );
    expect(
      describeNotification({ kind: 'CLIENT_ANSWERED', data: { ...data, changedFrom: 'CLIENT_APPROVED' } })
        .title,
    ).toBe('Priya Nair changed their answer: now asks for changes to “Crumb shot”');
  });
});

describe('idea bodies and workflow', () => {
  it('when a patch carries only a version, then it is refused', () => {
    expect(UpdateIdeaBody.safeParse({ version: 1 }).success).toBe(false);
    expect(UpdateIdeaBody.safeParse({ version: 1, status: 'PENDING_CLIENT' }).success).toBe(true);
    expect(UpdateIdeaBody.safeParse({ title: 'x' }).success).toBe(false);
  });

  it('allows exactly the moves of the review workflow', () => {
    expect(IDEA_TRANSITIONS).toHaveLength(8);
    expect(findTransition('PENDING_CLIENT', 'CHANGES_REQUESTED')).toMatchObject({
      by: 'client',
      commentRequired: true,
    });
    expect(findTransition('CHANGES_REQUESTED', 'PENDING_CLIENT')).toMatchObject({
      by: 'agency',
      startsRound: true,
    });
    expect(findTransition('CLIENT_APPROVED', 'GENERATED')).toBeUndefined();
  });

  it('snapshots every content field, missing ones as null', () => {
    expect(ideaSnapshot({ title: 'T', hashtags: ['#a'] })).toEqual({
      title: 'T',
      hook: null,
      caption: null,
      hashtags: ['#a'],
      callToAction: null,
      visualDirection: null,
      durationSec: null,
      beats: null,
      audioSuggestion: null,
    });
  });
});
