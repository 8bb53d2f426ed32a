import type { FeedbackRequest, Platform } from '@muse/contracts';
import { normalizeHashtags } from '../generation/hashtags.ts';

/** What the feedback template is rendered with: the brand profile, the history and the counted patterns. */
export function buildFeedbackContext(request: FeedbackRequest) {
  const { brand } = request;
  return {
    brand: {
      name: brand.name,
      voice: brand.brandVoice?.trim() || null,
      hashtags: normalizeHashtags(brand.defaultHashtags),
      doList: brand.doList,
      dontList: brand.dontList,
      captionLengths: (Object.entries(brand.captionMaxChars) as [Platform, number][]).map(
        ([platform, maxChars]) => ({
          platform,
          maxChars,
        }),
      ),
    },
    ideas: request.ideas.map((idea) => ({
      ...idea,
      type: idea.type.toLowerCase(),
      edited: JSON.stringify(idea.draft) !== JSON.stringify(idea.answered),
    })),
    comments: request.comments.map((comment) => ({
      ...comment,
      with: comment.with.replace('_', ' '),
      text: comment.text.replace(/\s+/g, ' '),
    })),
    signals: request.signals.map((signal, index) => ({ ...signal, ref: `S${index + 1}` })),
  };
}
