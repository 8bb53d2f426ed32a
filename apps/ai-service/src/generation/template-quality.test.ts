import {
  type BrandCheckFinding,
  checkBrand,
  type GeneratedIdea,
  GenerateIdeasResponse,
  type TemplateVersionSelection,
} from '@muse/contracts';
import type { OfflineModelServer } from '@muse/offline-model';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { makeRequest, makeServices, SERVICE_TOKEN, startOfflineModel } from '../test-support/factories.ts';

/*
 * The quality check that made v2 of the post and reel templates the default: for a client with a
 * review history (rules learned from it in the profile, approved examples, ideas it turned down),
 * the offline model's v2 ideas draw fewer brand check findings than its v1 ideas and honour the
 * learned caption lengths.
 */

let offline: OfflineModelServer;
let app: Express;

beforeAll(async () => {
  const started = await startOfflineModel();
  offline = started.model;
  app = createApp(makeServices(started.baseURL));
});
afterAll(() => offline.close());

const BRAND = {
  ...makeRequest().brand,
  dontList: ['cheap', 'guaranteed'],
  captionMaxChars: { INSTAGRAM: 120, LINKEDIN: 160 },
};

const HISTORY = {
  examples: [
    {
      type: 'POST' as const,
      platform: 'INSTAGRAM' as const,
      title: 'Meet the oat farmer',
      hook: 'Ana grows our oats.',
      caption: 'Ana grows our oats, 40 miles up the road.',
      callToAction: 'Taste it on your way in.',
      unchanged: true,
    },
  ],
  turnedDown: [{ title: 'Cheap cups for commuters', reason: 'Too cheap sounding, and far too long.' }],
};

async function ideasWith(templateVersions: TemplateVersionSelection): Promise<GeneratedIdea[]> {
  const res = await request(app)
    .post('/api/v1/generate')
    .set('authorization', `Bearer ${SERVICE_TOKEN}`)
    .send(makeRequest({ brand: BRAND, counts: { posts: 6, reels: 3 }, templateVersions, ...HISTORY }));
  expect(res.status).toBe(200);
  return GenerateIdeasResponse.parse(res.body).ideas;
}

function findingsOf(ideas: GeneratedIdea[]): BrandCheckFinding[] {
  const campaign = { objective: makeRequest().campaign.objective ?? '' };
  return ideas.flatMap((idea) =>
    checkBrand(
      {
        ...idea,
        visualDirection: idea.type === 'POST' ? idea.visualDirection : null,
        durationSec: idea.type === 'REEL' ? idea.durationSec : null,
        beats: idea.type === 'REEL' ? idea.beats : null,
        audioSuggestion: idea.type === 'REEL' ? idea.audioSuggestion : null,
      },
      BRAND,
      campaign,
    ),
  );
}

describe('template quality: v2 against v1 for a client with a review history', () => {
  it('when both write for the same brief, then v2 draws fewer brand check findings and breaks no learned caption length', async () => {
    const v1 = findingsOf(await ideasWith({ post: 'v1', reel: 'v1' }));
    const v2 = findingsOf(await ideasWith({ post: 'v2', reel: 'v2' }));
    const rules = (findings: BrandCheckFinding[]) => findings.map((finding) => finding.rule);

    expect(rules(v1)).toContain('brand_length');
    expect(rules(v2)).not.toContain('brand_length');
    expect(rules(v2)).not.toContain('brand_dont');
    expect(v2.length).toBeLessThan(v1.length);
  });
});
