import type { BrandProposalKind, BrandSnapshot, Platform, UpdateClientBody } from '@muse/contracts';

/** What a proposal says, whoever made it. */
export interface ProposalContent {
  kind: BrandProposalKind;
  text: string;
  platform: Platform | null;
  maxCaptionChars: number | null;
}

const normalized = (text: string) =>
  text
    .toLowerCase()
    .replace(/[“”"'‘’.!]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** A hashtag as the profile keeps it: # and the tag as written. */
export const asHashtag = (text: string) => `#${text.trim().replace(/^#+/, '')}`;

/**
 * What makes two proposals the same: the kind and the text in any case and punctuation; a
 * caption length is one rule per platform, whatever its limit.
 */
export function dedupKeyOf(proposal: ProposalContent): string {
  if (proposal.kind === 'caption_length') return `caption_length:${proposal.platform}`;
  const text = proposal.kind.endsWith('_hashtag') ? asHashtag(proposal.text) : proposal.text;
  return `${proposal.kind}:${normalized(text)}`;
}

const has = (list: readonly string[], item: string) =>
  list.some((entry) => normalized(entry) === normalized(item));

/** Whether the profile already says it: such a proposal is not made. */
export function profileHas(profile: BrandSnapshot, proposal: ProposalContent): boolean {
  switch (proposal.kind) {
    case 'never_use':
      return has(profile.dontList, proposal.text);
    case 'banned_hashtag':
      return has(profile.dontList, asHashtag(proposal.text));
    case 'always':
      return has(profile.doList, proposal.text);
    case 'preferred_hashtag':
      return has(profile.defaultHashtags, asHashtag(proposal.text));
    case 'voice_note':
      return normalized(profile.brandVoice).includes(normalized(proposal.text));
    case 'caption_length': {
      const current = proposal.platform ? profile.captionMaxChars[proposal.platform] : undefined;
      return (
        current !== undefined && proposal.maxCaptionChars !== null && current <= proposal.maxCaptionChars
      );
    }
  }
}

/**
 * The change of the profile that takes the proposal in, as a client update: a phrase to never
 * use and a banned hashtag join the don't list (which the brand check reads, hashtags as "#tag"),
 * a rule the do list, a preferred hashtag the default hashtags, a voice note ends the brand voice
 * as a sentence of its own, and a caption length sets its platform's limit.
 */
export function profileChangeOf(profile: BrandSnapshot, proposal: ProposalContent): UpdateClientBody {
  switch (proposal.kind) {
    case 'never_use':
      return { dontList: [...profile.dontList, proposal.text] };
    case 'banned_hashtag':
      return { dontList: [...profile.dontList, asHashtag(proposal.text)] };
    case 'always':
      return { doList: [...profile.doList, proposal.text] };
    case 'preferred_hashtag':
      return { defaultHashtags: [...profile.defaultHashtags, asHashtag(proposal.text)] };
    case 'voice_note': {
      const note = /[.!?]$/.test(proposal.text) ? proposal.text : `${proposal.text}.`;
      return { brandVoice: profile.brandVoice.trim() ? `${profile.brandVoice.trim()} ${note}` : note };
    }
    case 'caption_length':
      if (!proposal.platform || proposal.maxCaptionChars === null) {
        throw new Error('a caption length proposal names its platform and limit');
      }
      return {
        captionMaxChars: { ...profile.captionMaxChars, [proposal.platform]: proposal.maxCaptionChars },
      };
  }
}
