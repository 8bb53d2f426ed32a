import { z } from 'zod';
import { BrandChangeReason, BrandSnapshot, CaptionMaxChars } from './brand-versions.ts';
import { Platform } from './common.ts';
import { PageQuery, pageOf } from './pagination.ts';
import { ReminderCadenceFields } from './review-rounds.ts';
import { defineRouteContracts, IdParams, Timestamp } from './routes.ts';

const text = (max: number) => z.string().trim().max(max);
const phrases = (maxItems: number, maxLength: number) =>
  z.array(z.string().trim().min(1).max(maxLength)).max(maxItems);
const hashtag = z
  .string()
  .trim()
  .regex(/^#[\p{L}\p{N}_]{1,99}$/u, 'a hashtag is # followed by letters, digits or _');

/** Everything the AI needs to write in a brand's voice. */
export const BrandProfileFields = {
  name: z.string().trim().min(1).max(120),
  industry: text(120),
  website: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable(),
  brandVoice: text(4000),
  toneKeywords: phrases(20, 40),
  targetAudience: text(2000),
  doList: phrases(30, 200),
  dontList: phrases(50, 120),
  defaultHashtags: z.array(hashtag).max(30),
  platforms: z
    .array(Platform)
    .max(Platform.options.length)
    .refine((platforms) => new Set(platforms).size === platforms.length, 'list each platform once'),
  captionMaxChars: CaptionMaxChars,
};

export const CreateClientBody = z
  .strictObject({
    ...BrandProfileFields,
    industry: BrandProfileFields.industry.default(''),
    website: BrandProfileFields.website.optional(),
    brandVoice: BrandProfileFields.brandVoice.default(''),
    toneKeywords: BrandProfileFields.toneKeywords.default([]),
    targetAudience: BrandProfileFields.targetAudience.default(''),
    doList: BrandProfileFields.doList.default([]),
    dontList: BrandProfileFields.dontList.default([]),
    defaultHashtags: BrandProfileFields.defaultHashtags.default([]),
    captionMaxChars: BrandProfileFields.captionMaxChars.default({}),
    platforms: BrandProfileFields.platforms.min(1, 'pick at least one platform'),
    reminderFirstAfterDays: ReminderCadenceFields.reminderFirstAfterDays.default(2),
    reminderEveryDays: ReminderCadenceFields.reminderEveryDays.default(2),
    reminderLimit: ReminderCadenceFields.reminderLimit.default(3),
  })
  .meta({ id: 'CreateClientBody' });
export type CreateClientBody = z.infer<typeof CreateClientBody>;

export const UpdateClientBody = z
  .strictObject({
    ...BrandProfileFields,
    platforms: BrandProfileFields.platforms.min(1),
    ...ReminderCadenceFields,
    /** Why the brand changed: kept with the new brand profile version. */
    reason: BrandChangeReason,
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'change at least one field')
  .meta({ id: 'UpdateClientBody' });
export type UpdateClientBody = z.infer<typeof UpdateClientBody>;

export const ListClientsQuery = z.strictObject({
  ...PageQuery.shape,
  /** Part of the name, case-insensitively; empty matches every client. */
  q: z.string().trim().max(120).optional(),
  includeArchived: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
export type ListClientsQuery = z.infer<typeof ListClientsQuery>;

export const Client = z
  .object({
    id: z.uuid(),
    /** The brand profile, as each version of it keeps it. */
    ...BrandSnapshot.shape,
    reminderFirstAfterDays: z.int(),
    reminderEveryDays: z.int(),
    reminderLimit: z.int(),
    /** The number of the brand profile's current version. */
    brandVersion: z.int().min(1),
    archivedAt: Timestamp.nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Client' });
export type Client = z.infer<typeof Client>;

export const ClientPage = pageOf(Client).meta({ id: 'ClientPage' });

export const clientRoutes = defineRouteContracts({
  list: {
    method: 'GET',
    path: '/api/clients',
    summary: 'List the agency’s clients (brands) by name',
    description: 'Archived clients are left out unless `includeArchived=true`.',
    tags: ['clients'],
    auth: 'bearer',
    query: ListClientsQuery,
    response: ClientPage,
  },
  create: {
    method: 'POST',
    path: '/api/clients',
    summary: 'Add a client with its brand profile',
    tags: ['clients'],
    auth: 'bearer',
    body: CreateClientBody,
    response: Client,
    successStatus: 201,
  },
  get: {
    method: 'GET',
    path: '/api/clients/:id',
    summary: 'One client’s brand profile',
    description: 'A client contact may read its own client only.',
    tags: ['clients'],
    auth: 'bearer',
    params: IdParams,
    response: Client,
  },
  update: {
    method: 'PATCH',
    path: '/api/clients/:id',
    summary: 'Change a client’s brand profile',
    description: 'A platform still used by a campaign that is not archived cannot be removed (409 conflict).',
    tags: ['clients'],
    auth: 'bearer',
    params: IdParams,
    body: UpdateClientBody,
    response: Client,
    errors: [409],
  },
  archive: {
    method: 'DELETE',
    path: '/api/clients/:id',
    summary: 'Archive a client',
    description:
      'The client keeps its campaigns and ideas but gets no new campaigns. Archiving twice is harmless.',
    tags: ['clients'],
    auth: 'bearer',
    params: IdParams,
    response: Client,
  },
  restore: {
    method: 'POST',
    path: '/api/clients/:id/restore',
    summary: 'Restore an archived client',
    description:
      'The client is listed again and campaigns can be created for it again. Restoring a client that is not archived is harmless.',
    tags: ['clients'],
    auth: 'bearer',
    params: IdParams,
    response: Client,
  },
});
