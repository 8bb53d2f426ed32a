import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadCsv } from '../../test/csv-export.ts';
import { bearer, makeAgency, makeCampaign, makeClient, makeIdea } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/test-app.ts';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api.close());

/** Reads RFC 4180 CSV back into rows, as a spreadsheet would. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += char;
  }
  return rows;
}

describe('GET /api/campaigns/:id/ideas.csv', () => {
  it('when the agency exports, then every idea comes back cell for cell, formulas neutralised, as a named UTF-8 attachment', async () => {
    const agency = await makeAgency(api.db);
    const campaign = await makeCampaign(api.db, agency.tenant, agency.client, {
      name: 'Autumn Launch: Café',
    });
    const hostile = await makeIdea(api.db, campaign, { title: '=HYPERLINK("http://evil.example","Click")' });
    await api.db.withTenantTx(agency.tenant.id, (tx) =>
      tx.idea.update({
        where: { id: hostile.id },
        data: {
          hook: '+1 for coffee, obviously',
          caption: 'Line one\nLine "two", with a comma',
          callToAction: '@everyone come by',
          visualDirection: '-50% on launch day',
        },
      }),
    );
    const plain = await makeIdea(api.db, campaign, { status: 'CLIENT_APPROVED' });
    const res = await downloadCsv(api, campaign.id, await bearer(agency.member));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename=autumn-launch-cafe-ideas.csv');
    expect(res.headers['cache-control']).toBe('private, no-store');
    const text = res.body as string;
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""Click"")"`);

    const [header, ...rows] = parseCsv(text.slice(1));
    const cell = (row: string[] | undefined, column: string) => row?.[header?.indexOf(column) ?? -1];
    expect(rows.map((row) => cell(row, 'ID'))).toEqual([hostile.id, plain.id]);
    const [first] = rows;
    expect(cell(first, 'Title')).toBe(`'=HYPERLINK("http://evil.example","Click")`);
    expect(cell(first, 'Hook')).toBe("'+1 for coffee, obviously");
    expect(cell(first, 'Caption')).toBe('Line one\nLine "two", with a comma');
    expect(cell(first, 'Call to action')).toBe("'@everyone come by");
    expect(cell(first, 'Visual direction')).toBe("'-50% on launch day");
    expect(cell(first, 'Hashtags')).toBe('#muse');
    expect(cell(rows[1], 'Status')).toBe('Approved');
    expect([cell(first, 'Type'), cell(first, 'Platform'), cell(first, 'Status')]).toEqual([
      'Post',
      'Instagram',
      'Draft',
    ]);
  });

  it('when a client contact exports, then only the ideas it may see are in the file', async () => {
    const agency = await makeAgency(api.db);
    const campaign = await makeCampaign(api.db, agency.tenant, agency.client);
    await makeIdea(api.db, campaign);
    await makeIdea(api.db, campaign, { status: 'AGENCY_REJECTED' });
    const sent = await makeIdea(api.db, campaign, { status: 'PENDING_CLIENT' });
    const res = await downloadCsv(api, campaign.id, await bearer(agency.contact));
    expect(res.status).toBe(200);
    const [, ...rows] = parseCsv((res.body as string).slice(1));
    expect(rows.map((row) => row[0])).toEqual([sent.id]);
  });

  it('when filtered by status, then only those ideas are exported', async () => {
    const agency = await makeAgency(api.db);
    const campaign = await makeCampaign(api.db, agency.tenant, agency.client);
    const approved = await makeIdea(api.db, campaign, { status: 'CLIENT_APPROVED' });
    await makeIdea(api.db, campaign);
    const res = await downloadCsv(api, campaign.id, await bearer(agency.admin), {
      status: 'CLIENT_APPROVED',
    });
    expect(
      parseCsv((res.body as string).slice(1))
        .slice(1)
        .map((row) => row[0]),
    ).toEqual([approved.id]);
  });

  it('when the campaign is another client’s or another agency’s, then 404 in the error envelope', async () => {
    const agency = await makeAgency(api.db);
    const sibling = await makeCampaign(api.db, agency.tenant, await makeClient(api.db, agency.tenant));
    const other = await makeAgency(api.db);
    for (const user of [agency.contact, other.admin]) {
      const res = await api.http
        .get(`/api/campaigns/${sibling.id}/ideas.csv`)
        .set('Authorization', await bearer(user));
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
  });
});
