import type { TestApp } from './test-app.ts';

/** Downloads a campaign's CSV export as text (supertest buffers only JSON by itself). */
export const downloadCsv = (
  api: TestApp,
  campaignId: string,
  authorization: string,
  query: Record<string, string> = {},
) =>
  api.http
    .get(`/api/campaigns/${campaignId}/ideas.csv`)
    .query(query)
    .set('Authorization', authorization)
    .buffer(true)
    .parse((res, done) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => done(null, text));
    });
