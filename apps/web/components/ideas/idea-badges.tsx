import { type Idea, type IdeaStatus, PLATFORM_NAMES } from '@muse/contracts';
import { Clapperboard, Cpu, ImageIcon } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { IDEA_STATUS } from '@/lib/labels';

export function StatusBadge({
  status,
  audience = 'agency',
}: {
  status: IdeaStatus;
  audience?: 'agency' | 'client';
}) {
  const meta = IDEA_STATUS[status];
  return <Badge tone={meta.tone}>{audience === 'client' ? meta.clientLabel : meta.label}</Badge>;
}

export function FormatBadges({
  idea,
  audience = 'agency',
}: {
  idea: Pick<Idea, 'type' | 'platform' | 'offlineModel' | 'durationSec'>;
  audience?: 'agency' | 'client';
}) {
  return (
    <span className="flex flex-wrap items-center gap-1.5">
      <Badge tone="brand">
        {idea.type === 'REEL' ? <Clapperboard aria-hidden /> : <ImageIcon aria-hidden />}
        {idea.type === 'REEL' ? `Reel${idea.durationSec ? ` · ${idea.durationSec}s` : ''}` : 'Post'}
      </Badge>
      <Badge>{PLATFORM_NAMES[idea.platform]}</Badge>
      {idea.offlineModel && audience === 'agency' && <OfflineModelBadge />}
    </span>
  );
}

/**
 * Ideas from the built-in offline model are placeholders, not real AI output: the agency is always
 * told, in small print; the client never (what it reviews is what the agency chose to send).
 */
export function OfflineModelBadge() {
  return (
    <Badge
      tone="warning"
      className="px-1.5 py-0 text-[11px]"
      title="Written by Muse’s built-in offline model, not a hosted AI model"
    >
      <Cpu aria-hidden />
      offline model
    </Badge>
  );
}
