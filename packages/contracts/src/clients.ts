import { z } from 'zod';
import { Platform } from './common.ts';
import { PageQuery } from './pagination.ts';

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
  platforms: z.array(Platform).max(Platform.options.length),
};

export const CreateClientBody = z.strictObject({
  ...BrandProfileFields,
  industry: BrandProfileFields.industry.default(''),
  website: BrandProfileFields.website.optional(),
  brandVoice: BrandProfileFields.brandVoice.default(''),
  toneKeywords: BrandProfileFields.toneKeywords.default([]),
  targetAudience: BrandProfileFields.targetAudience.default(''),
  doList: BrandProfileFields.doList.default([]),
  dontList: BrandProfileFields.dontList.default([]),
  defaultHashtags: BrandProfileFields.defaultHashtags.default([]),
  platforms: BrandProfileFields.platforms.min(1, 'pick at least one platform'),
});
export type CreateClientBody = z.infer<typeof CreateClientBody>;

export const UpdateClientBody = z
  .strictObject({ ...BrandProfileFields, platforms: BrandProfileFields.platforms.min(1) })
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'change at least one field');
export type UpdateClientBody = z.infer<typeof UpdateClientBody>;

export const ListClientsQuery = PageQuery.extend({
  q: z.string().trim().max(120).optional(),
  includeArchived: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
export type ListClientsQuery = z.infer<typeof ListClientsQuery>;

export const Client = z.object({
  id: z.uuid(),
  name: z.string(),
  industry: z.string(),
  website: z.string().nullable(),
  brandVoice: z.string(),
  toneKeywords: z.array(z.string()),
  targetAudience: z.string(),
  doList: z.array(z.string()),
  dontList: z.array(z.string()),
  defaultHashtags: z.array(z.string()),
  platforms: z.array(Platform),
  archivedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Client = z.infer<typeof Client>;
