import type { Platform } from './common.ts';

export interface PlatformLimits {
  name: string;
  /** Characters of the published text: caption plus hashtags. */
  captionMaxChars: number;
  /** X weighs characters (most non-Latin scripts and emoji count twice, links 23). */
  weightedLength: boolean;
  maxHashtags: number | null;
  reelMinSec: number;
  reelMaxSec: number;
}

/** Each platform's published limits: the prompts quote them, the guardrails and the brand check enforce them. */
export const PLATFORM_LIMITS: Record<Platform, PlatformLimits> = {
  INSTAGRAM: {
    name: 'Instagram',
    captionMaxChars: 2200,
    weightedLength: false,
    maxHashtags: 30,
    reelMinSec: 5,
    reelMaxSec: 180,
  },
  TIKTOK: {
    name: 'TikTok',
    captionMaxChars: 2200,
    weightedLength: false,
    maxHashtags: null,
    reelMinSec: 5,
    reelMaxSec: 600,
  },
  FACEBOOK: {
    name: 'Facebook',
    captionMaxChars: 63_206,
    weightedLength: false,
    maxHashtags: null,
    reelMinSec: 5,
    reelMaxSec: 90,
  },
  LINKEDIN: {
    name: 'LinkedIn',
    captionMaxChars: 3000,
    weightedLength: false,
    maxHashtags: null,
    reelMinSec: 5,
    reelMaxSec: 600,
  },
  X: {
    name: 'X',
    captionMaxChars: 280,
    weightedLength: true,
    maxHashtags: null,
    reelMinSec: 5,
    reelMaxSec: 140,
  },
  // Shorts run up to 3 minutes; YouTube ignores every hashtag on a video that has more than 15.
  YOUTUBE: {
    name: 'YouTube',
    captionMaxChars: 5000,
    weightedLength: false,
    maxHashtags: 15,
    reelMinSec: 5,
    reelMaxSec: 180,
  },
};
