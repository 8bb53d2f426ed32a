import { describe, expect, it } from 'vitest';
import { checkMove, commentVisibility, type IdeaState, planIdeaUpdate } from './ideas.rules.ts';

const idea = (overrides: Partial<IdeaState> = {}): IdeaState => ({
  type: 'POST',
  status: 'GENERATED',
  version: 3,
  scheduledFor: null,
  title: 'Meet the growers',
  hook: 'Every bag has a name',
  caption: 'From Huila',
  hashtags: ['#Coffee'],
  callToAction: 'Pre-order',
  visualDirection: 'Portrait among the trees',
  durationSec: null,
  beats: null,
  audioSuggestion: null,
  ...overrides,
});

const failsWith = (fn: () => unknown, code: string) => expect(fn).toThrow(expect.objectContaining({ code }));

describe('planning an idea update', () => {
  it('when only some sent fields differ, then only those change', () => {
    const plan = planIdeaUpdate(
      idea(),
      { version: 3, title: 'Meet the growers', caption: 'From Huila, Colombia' },
      'agency',
    );
    expect(plan).toEqual({ content: { caption: 'From Huila, Colombia' }, changedFields: ['caption'] });
  });

  it('when hashtags or beats are sent in another order of keys but equal, then nothing changes', () => {
    const beats = [{ startSec: 0, shot: 'Cherry', voiceover: 'Hi', onScreenText: 'Huila' }];
    const reel = idea({ type: 'REEL', visualDirection: null, durationSec: 20, beats });
    const sameBeats = [{ onScreenText: 'Huila', voiceover: 'Hi', shot: 'Cherry', startSec: 0 }];
    expect(planIdeaUpdate(reel, { version: 3, beats: sameBeats }, 'agency').changedFields).toEqual([]);
  });

  it('when the version is not the current one, then version_conflict before anything else', () => {
    failsWith(
      () => planIdeaUpdate(idea({ status: 'CLIENT_APPROVED' }), { version: 2, caption: 'x' }, 'agency'),
      'version_conflict',
    );
  });

  it('when the client sends content or a date, then forbidden', () => {
    failsWith(
      () => planIdeaUpdate(idea({ status: 'PENDING_CLIENT' }), { version: 3, caption: 'x' }, 'client'),
      'forbidden',
    );
    failsWith(
      () => planIdeaUpdate(idea({ status: 'PENDING_CLIENT' }), { version: 3, scheduledFor: null }, 'client'),
      'forbidden',
    );
  });

  it('when content changes outside GENERATED and CHANGES_REQUESTED, then conflict; a date may still change', () => {
    failsWith(
      () => planIdeaUpdate(idea({ status: 'PENDING_CLIENT' }), { version: 3, caption: 'x' }, 'agency'),
      'conflict',
    );
    const plan = planIdeaUpdate(
      idea({ status: 'CLIENT_APPROVED' }),
      { version: 3, scheduledFor: '2026-11-01' },
      'agency',
    );
    expect(plan).toMatchObject({ scheduledFor: '2026-11-01', changedFields: ['scheduledFor'] });
  });

  it('when content is edited and the idea resubmitted, then the edit comes first (in CHANGES_REQUESTED) and the move starts a round', () => {
    const plan = planIdeaUpdate(
      idea({ status: 'CHANGES_REQUESTED' }),
      { version: 3, caption: 'In cups', status: 'PENDING_CLIENT', comment: 'Done' },
      'agency',
    );
    expect(plan).toMatchObject({
      content: { caption: 'In cups' },
      move: { to: 'PENDING_CLIENT', startsRound: true },
      comment: { body: 'Done', visibility: 'CLIENT' },
    });
  });
});

describe('workflow moves', () => {
  it('when the move is not in the workflow, then invalid_transition listing where the caller may go', () => {
    expect(() => checkMove('CLIENT_APPROVED', 'GENERATED', 'agency')).toThrow(
      expect.objectContaining({
        code: 'invalid_transition',
        details: [{ from: 'CLIENT_APPROVED', to: 'GENERATED', allowed: [] }],
      }),
    );
    expect(() => checkMove('GENERATED', 'CLIENT_APPROVED', 'agency')).toThrow(
      expect.objectContaining({
        details: [expect.objectContaining({ allowed: ['PENDING_CLIENT', 'AGENCY_REJECTED'] })],
      }),
    );
  });

  it('when the move is the other side’s, then forbidden; a change request without a comment is invalid_input', () => {
    failsWith(() => checkMove('PENDING_CLIENT', 'CLIENT_APPROVED', 'agency'), 'forbidden');
    failsWith(() => checkMove('CHANGES_REQUESTED', 'PENDING_CLIENT', 'client'), 'forbidden');
    failsWith(() => checkMove('PENDING_CLIENT', 'CHANGES_REQUESTED', 'client'), 'invalid_input');
    expect(checkMove('PENDING_CLIENT', 'CHANGES_REQUESTED', 'client', 'Shorter').to).toBe(
      'CHANGES_REQUESTED',
    );
  });

  it('when the client changes an answer, then only while it may, with a reason where the answer needs one', () => {
    failsWith(() => checkMove('CLIENT_APPROVED', 'CLIENT_REJECTED', 'client'), 'invalid_transition');
    failsWith(
      () => checkMove('CLIENT_APPROVED', 'CHANGES_REQUESTED', 'client', undefined, { mayChangeAnswer: true }),
      'invalid_input',
    );
    expect(
      checkMove('CHANGES_REQUESTED', 'CLIENT_APPROVED', 'client', undefined, { mayChangeAnswer: true }),
    ).toMatchObject({ from: 'CHANGES_REQUESTED', to: 'CLIENT_APPROVED', by: 'client', startsRound: false });
    // Never the agency's, whatever the context says.
    failsWith(
      () => checkMove('CLIENT_APPROVED', 'CLIENT_REJECTED', 'agency', undefined, { mayChangeAnswer: true }),
      'invalid_transition',
    );
  });

  it('a comment is the client’s to see when the client writes it or the idea goes to the client', () => {
    expect(commentVisibility('client', undefined)).toBe('CLIENT');
    expect(commentVisibility('agency', checkMove('GENERATED', 'PENDING_CLIENT', 'agency'))).toBe('CLIENT');
    expect(commentVisibility('agency', checkMove('GENERATED', 'AGENCY_REJECTED', 'agency'))).toBe('INTERNAL');
    expect(commentVisibility('agency', undefined)).toBe('INTERNAL');
  });
});
