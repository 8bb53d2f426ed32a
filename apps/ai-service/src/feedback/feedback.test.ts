import { ErrorEnvelope, type FeedbackRequestInput, FeedbackResponse } from '@muse/contracts';
import type { OfflineModelServer } from '@muse/offline-model';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import {
  makeFeedbackRequest,
  makeServices,
  SERVICE_TOKEN,
  startOfflineModel,
} from '../test-support/factories.ts';

let offline: OfflineModelServer;
let app: Express;

beforeAll(async () => {
  const started = await startOfflineModel();
  offline = started.model;
  app = createApp(makeServices(started.baseURL));
});
afterAll(() => offline.close());
beforeEach(() => {
  offline.requests.length = 0;
});

function feedback(body: unknown, token = SERVICE_TOKEN) {
  return request(app)
    .post('/api/v1/feedback')
    .set('authorization', `Bearer ${token}`)
    .send(body as object);
}

describe('POST /api/v1/feedback', () => {
  it('when a history of cheap-sounding, too-long posts is read by the offline model, then it suggests never using “cheap” and a shorter Instagram caption, citing the evidence', async () => {
    const res = await feedback(makeFeedbackRequest());
    expect(res.status).toBe(200);
    const answer = FeedbackResponse.parse(res.body);
    expect(answer).toMatchObject({ offline: true, templateVersion: 'feedback/v1', llmCalls: 1 });
    expect(answer.usage.promptTokens).toBeGreaterThan(0);
    expect(answer.proposals).toContainEqual(
      expect.objectContaining({
        kind: 'never_use',
        text: 'cheap',
        ideaRefs: ['I1', 'I2'],
        commentRefs: ['C1', 'C2'],
      }),
    );
    const length = answer.proposals.find((proposal) => proposal.kind === 'caption_length');
    expect(length).toMatchObject({ platform: 'INSTAGRAM', commentRefs: ['C1', 'C2'] });
    expect(length?.maxCaptionChars).toBeLessThan(250);

    const [call] = offline.requests;
    const body = call?.body as { response_format: { json_schema: { name: string; strict: boolean } } };
    expect(body.response_format.json_schema).toMatchObject({ name: 'brand_feedback', strict: true });
  });

  it('when the model cites an idea the request does not have, then that suggestion is left out', async () => {
    const res = await feedback(
      makeFeedbackRequest({
        comments: [],
        signals: [
          {
            kind: 'always',
            text: 'Name the café',
            platform: null,
            maxCaptionChars: null,
            occurrences: 2,
            ideaRefs: ['I9'],
            commentRefs: [],
            summary: 'Added to 2 drafts',
          },
        ],
      }),
    );
    expect(res.status).toBe(200);
    expect(FeedbackResponse.parse(res.body).proposals).toEqual([]);
  });

  it('when a version of the template that does not exist is asked for, then it is 400 naming it', async () => {
    const body: FeedbackRequestInput = { ...makeFeedbackRequest(), templateVersion: 'v9' };
    const res = await feedback(body);
    expect(res.status).toBe(400);
    expect(ErrorEnvelope.parse(res.body).error).toMatchObject({ code: 'invalid_input' });
    expect(offline.requests).toHaveLength(0);
  });

  it('when the service token is wrong, then it is 401 and the model is not asked', async () => {
    const res = await feedback(makeFeedbackRequest(), 'not-the-token-0123456789');
    expect(res.status).toBe(401);
    expect(offline.requests).toHaveLength(0);
  });
});
