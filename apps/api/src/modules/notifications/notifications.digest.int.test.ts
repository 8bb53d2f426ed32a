import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, makeAgency, type TestUser } from '../../test/factories.ts';
import { createPrivateDatabase } from '../../test/generation-harness.ts';
import { startTestApp, type TestApp } from '../../test/test-app.ts';
import { dueDigests } from './notifications.digest.job.ts';

// No worker runs here: the notifications below stay unmailed, so only the clock decides.
let database: Awaited<ReturnType<typeof createPrivateDatabase>>;
let api: TestApp;

beforeAll(async () => {
  database = await createPrivateDatabase();
  api = await startTestApp({ env: { DATABASE_URL: database.url, NOTIFICATION_DIGEST_HOUR: '8' } });
});

afterAll(async () => {
  await api?.close();
  await database?.drop();
});

/** A user in `timeZone` (null: none reported) with one unmailed notification from `createdAt`. */
async function pendingSince(createdAt: string, timeZone: string | null) {
  const { tenant, contact } = await makeAgency(api.db);
  await api.db.withTenantTx(tenant.id, async (tx) => {
    await tx.user.update({ where: { id: contact.id }, data: { timeZone } });
    await tx.notification.create({
      data: {
        tenantId: tenant.id,
        userId: contact.id,
        kind: 'REMINDER',
        data: { campaignName: 'Spring launch', pending: 1, reviewBy: null },
        createdAt: new Date(createdAt),
      },
    });
  });
  return contact;
}

const isDue = async (user: TestUser, at: string) =>
  (await dueDigests(api.db, new Date(at), 8)).some((target) => target.userId === user.id);

async function putPreferences(user: TestUser, body: object) {
  return api.http
    .put('/api/notifications/preferences')
    .set('Authorization', await bearer(user))
    .send(body);
}

describe('the daily digest', () => {
  it('when a user has no time zone, then what waits goes out at 08:00 UTC, and not a minute before', async () => {
    const user = await pendingSince('2027-06-01T07:30:00Z', null);
    expect(await isDue(user, '2027-06-01T07:59:00Z')).toBe(false);
    expect(await isDue(user, '2027-06-01T08:00:00Z')).toBe(true);
    // Later that day it is still owed: a sweep that missed the hour catches up.
    expect(await isDue(user, '2027-06-01T20:00:00Z')).toBe(true);
  });

  it('when a notification comes after the digest hour, then it waits for the next morning', async () => {
    const user = await pendingSince('2027-06-01T08:30:00Z', null);
    expect(await isDue(user, '2027-06-01T23:59:00Z')).toBe(false);
    expect(await isDue(user, '2027-06-02T08:00:00Z')).toBe(true);
  });

  it('when a user is in Tokyo, then its digest comes at 08:00 there (23:00 UTC the day before)', async () => {
    const user = await pendingSince('2027-06-01T22:30:00Z', 'Asia/Tokyo');
    expect(await isDue(user, '2027-06-01T22:59:00Z')).toBe(false);
    expect(await isDue(user, '2027-06-01T23:00:00Z')).toBe(true);
  });

  it('when a user is in New York, then summer time moves its digest hour in UTC with it', async () => {
    const summer = await pendingSince('2027-07-01T11:30:00Z', 'America/New_York');
    expect(await isDue(summer, '2027-07-01T11:59:00Z')).toBe(false);
    expect(await isDue(summer, '2027-07-01T12:00:00Z')).toBe(true);
    const winter = await pendingSince('2027-01-15T12:30:00Z', 'America/New_York');
    expect(await isDue(winter, '2027-01-15T12:59:00Z')).toBe(false);
    expect(await isDue(winter, '2027-01-15T13:00:00Z')).toBe(true);
  });
});

describe('the time zone of notification settings', () => {
  it('when a user saves its settings with its browser’s zone, then its settings say when the digest comes', async () => {
    const { contact } = await makeAgency(api.db);
    const before = await api.http
      .get('/api/notifications/preferences')
      .set('Authorization', await bearer(contact));
    expect(before.body).toMatchObject({ timeZone: null, digestHour: 8 });

    const saved = await putPreferences(contact, {
      preferences: [{ kind: 'REMINDER', delivery: 'DIGEST' }],
      timeZone: 'Europe/Paris',
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ timeZone: 'Europe/Paris', digestHour: 8 });
    expect(saved.body.preferences).toContainEqual({ kind: 'REMINDER', delivery: 'DIGEST' });
  });

  it('when the zone is not one PostgreSQL knows, then 400 names the field and nothing is saved', async () => {
    const { contact } = await makeAgency(api.db);
    const refused = await putPreferences(contact, {
      preferences: [{ kind: 'REMINDER', delivery: 'OFF' }],
      timeZone: 'Mars/Olympus_Mons',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'invalid_input' });
    expect(refused.body.error.details).toContainEqual(
      expect.objectContaining({ path: ['timeZone'], code: 'unknown_time_zone' }),
    );
    const after = await api.http
      .get('/api/notifications/preferences')
      .set('Authorization', await bearer(contact));
    expect(after.body.timeZone).toBeNull();
    expect(after.body.preferences).toContainEqual({ kind: 'REMINDER', delivery: 'INSTANT' });
  });
});
