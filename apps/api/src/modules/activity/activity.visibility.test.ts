import { describe, expect, it } from 'vitest';
import { visibleData, visibleEntityTypes } from './activity.visibility.ts';

const generationData = { produced: 1, tokens: 1200, model: 'muse-small' };

describe('activity visibility', () => {
  it('when an agency admin reads the log, then every entity type and the token figures are shown', () => {
    expect(visibleEntityTypes('AGENCY_ADMIN')).toEqual([
      'tenant',
      'user',
      'client',
      'campaign',
      'idea',
      'generation',
    ]);
    expect(visibleData('AGENCY_ADMIN', generationData)).toEqual(generationData);
  });

  it('when an agency member reads the log, then team and account events are hidden', () => {
    expect(visibleEntityTypes('AGENCY_MEMBER')).toEqual(['client', 'campaign', 'idea', 'generation']);
  });

  it('when an agency member reads a generation event, then it comes without its token count', () => {
    expect(visibleData('AGENCY_MEMBER', generationData)).toEqual({ produced: 1, model: 'muse-small' });
    expect(visibleData('AGENCY_MEMBER', { errorCode: 'timeout', tokens: 30 })).toEqual({
      errorCode: 'timeout',
    });
  });

  it('when the data has no usage figures, then a member sees it unchanged', () => {
    const data = { name: 'Acme', changedFields: ['name'] };
    expect(visibleData('AGENCY_MEMBER', data)).toEqual(data);
  });
});
