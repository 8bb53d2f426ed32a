import { z } from 'zod';

export const PLATFORMS = ['INSTAGRAM', 'TIKTOK', 'FACEBOOK', 'LINKEDIN', 'X', 'YOUTUBE'] as const;
export const Platform = z.enum(PLATFORMS);
export type Platform = z.infer<typeof Platform>;

/** How people write each platform's name, on screen and in exports. */
export const PLATFORM_NAMES: Record<Platform, string> = {
  INSTAGRAM: 'Instagram',
  TIKTOK: 'TikTok',
  FACEBOOK: 'Facebook',
  LINKEDIN: 'LinkedIn',
  X: 'X',
  YOUTUBE: 'YouTube',
};

export const IdeaType = z.enum(['POST', 'REEL']);
export type IdeaType = z.infer<typeof IdeaType>;

export const IDEA_TYPE_NAMES: Record<IdeaType, string> = { POST: 'Post', REEL: 'Reel' };

export const Role = z.enum(['PLATFORM_ADMIN', 'AGENCY_ADMIN', 'AGENCY_MEMBER', 'CLIENT']);
export type Role = z.infer<typeof Role>;

export const IdeaStatus = z.enum([
  'GENERATED',
  'AGENCY_REJECTED',
  'PENDING_CLIENT',
  'CHANGES_REQUESTED',
  'CLIENT_APPROVED',
  'CLIENT_REJECTED',
]);
export type IdeaStatus = z.infer<typeof IdeaStatus>;

/** One beat of a reel script. */
export const ReelBeat = z.strictObject({
  startSec: z.number().int().min(0).max(600),
  shot: z.string().trim().min(1).max(500),
  voiceover: z.string().trim().max(500),
  onScreenText: z.string().trim().max(200),
});
export type ReelBeat = z.infer<typeof ReelBeat>;

/** Health endpoints answer this on every service. */
export const HealthStatus = z.object({
  status: z.enum(['ok', 'unavailable']),
  service: z.string(),
  checks: z.record(z.string(), z.enum(['ok', 'failed'])).optional(),
});
export type HealthStatus = z.infer<typeof HealthStatus>;
