'use client';

import {
  type Idea,
  type IdeaStatus,
  type IdeaType,
  PLATFORM_NAMES,
  PLATFORMS,
  type Platform,
} from '@muse/contracts';
import { Download, Pencil, Send, Sparkles, Trash2, X } from 'lucide-react';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useMemo, useRef, useState } from 'react';
import { toast } from 'sonner';
import { QueryError } from '@/components/query-state';
import { PageHeader } from '@/components/shell/page-header';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Input } from '@/components/ui/input';
import { ScrollingRow } from '@/components/ui/scrolling-row';
import { SegmentedControl } from '@/components/ui/segmented-control';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { Skeleton } from '@/components/ui/skeleton';
import { BOARD_COLUMNS, CAMPAIGN_STATUS, formatDateRange } from '@/lib/labels';
import { isRunning } from '@/lib/queries/generations';
import { useCampaign, useExportCampaignCsv, useRefreshCampaign } from '@/lib/queries/use-campaigns';
import { useGeneration } from '@/lib/queries/use-generations';
import { useCampaignIdeas } from '@/lib/queries/use-ideas';
import { useToastClearance } from '@/lib/toast-clearance';
import { canAllMove } from '@/lib/workflow';
import { BoardColumn } from './board-column';
import { useBrandCheckedMove } from './brand-check-confirm';
import { GenerateDialog } from './generate-dialog';
import { GenerationProgress } from './generation-progress';
import { IdeaDrawer } from './idea-drawer';
import { ReviewRoundStatus } from './review-round-status';
import { ShareReviewDialog } from './share-review-dialog';

/** Columns of ideas that are done with: folded until opened, so the working ones fit the screen. */
const CLOSED_COLUMNS: readonly IdeaStatus[] = ['CLIENT_REJECTED', 'AGENCY_REJECTED'];

const FORMATS: readonly { value: IdeaType | 'ALL'; label: string }[] = [
  { value: 'ALL', label: 'All' },
  { value: 'POST', label: 'Posts' },
  { value: 'REEL', label: 'Reels' },
];

/** Today in the browser's time zone, as a calendar date (the earliest review-by date). */
const localToday = () => {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
};

/** The campaign's ideas in columns by status, with filters, bulk moves, generation and the idea drawer. */
export function CampaignBoard({ campaignId }: { campaignId: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const campaign = useCampaign(campaignId);
  const refreshCampaign = useRefreshCampaign(campaignId);
  const ideas = useCampaignIdeas(campaignId);
  const move = useBrandCheckedMove(campaignId);
  const exportCsv = useExportCampaignCsv(campaignId);
  const [type, setType] = useState<IdeaType | 'ALL'>('ALL');
  const [platform, setPlatform] = useState<Platform | 'ALL'>('ALL');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [sendReviewBy, setSendReviewBy] = useState('');
  const [generateOpen, setGenerateOpen] = useState(false);
  const [generationId, setGenerationId] = useState<string | null>(null);
  const [dragging, setDragging] = useState<Idea | null>(null);
  // Columns folded by the user; the closed ones (rejected, discarded) and empty ones start folded.
  const [folded, setFolded] = useState<Partial<Record<IdeaStatus, boolean>>>({});
  const generation = useGeneration(generationId);
  const openIdeaId = params.get('idea');
  const bulkBar = useToastClearance('bottom');

  // Opening the drawer is a step in the history, so browser Back closes it rather than leaving
  // the board; closing it steps back, unless it came open from a link (then nothing to step back to).
  const openedHere = useRef(false);
  useEffect(() => {
    if (!openIdeaId) openedHere.current = false;
  }, [openIdeaId]);
  const setOpenIdea = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('idea', id);
    else next.delete('idea');
    const url = `${pathname}${next.size ? `?${next}` : ''}`;
    if (id && !openIdeaId) {
      openedHere.current = true;
      router.push(url, { scroll: false });
    } else if (!id && openedHere.current) {
      router.back();
    } else {
      router.replace(url, { scroll: false });
    }
  };

  // When a run finishes, refresh the board once and say so (also when the dialog is closed).
  const announced = useRef<string | null>(null);
  useEffect(() => {
    const data = generation.data;
    if (!data || isRunning(data) || announced.current === data.id) return;
    announced.current = data.id;
    refreshCampaign();
    if (data.status === 'SUCCEEDED')
      toast.success('New ideas are ready', { description: 'They are in Drafts.' });
    else
      toast.error('Generation failed', {
        description: data.errorMessage ?? undefined,
        action: { label: 'Details', onClick: () => setGenerateOpen(true) },
      });
  }, [generation.data, refreshCampaign]);

  const all = ideas.data ?? [];
  const platformsInUse = useMemo(
    () => PLATFORMS.filter((p) => all.some((idea) => idea.platform === p)),
    [all],
  );
  const visible = all.filter(
    (idea) => (type === 'ALL' || idea.type === type) && (platform === 'ALL' || idea.platform === platform),
  );
  const byStatus = (status: IdeaStatus) => visible.filter((idea) => idea.status === status);
  const isFolded = (status: IdeaStatus) =>
    folded[status] ?? (CLOSED_COLUMNS.includes(status) || byStatus(status).length === 0);
  const chosen = all.filter((idea) => selected.has(idea.id));
  const chosenStatuses = chosen.map((idea) => idea.status);

  const toggle = (ids: string[], on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  const moveChosen = (to: IdeaStatus) => {
    const reviewBy = to === 'PENDING_CLIENT' && sendReviewBy ? sendReviewBy : undefined;
    move.mutate({ ideas: chosen, to, reviewBy });
    setSelected(new Set());
    setSendReviewBy('');
  };
  if (campaign.isError) return <QueryError error={campaign.error} retry={() => campaign.refetch()} />;
  const running = Boolean(generationId) && isRunning(generation.data ?? { status: 'QUEUED' });

  return (
    <>
      <PageHeader
        eyebrow={
          <span className="flex flex-wrap items-center gap-2">
            <Link href="/app/campaigns" className="hover:text-slate-700">
              Campaigns
            </Link>
            <span aria-hidden>/</span>
            {campaign.data ? (
              <Link href={`/app/clients/${campaign.data.clientId}`} className="hover:text-slate-700">
                {campaign.data.clientName}
              </Link>
            ) : (
              <Skeleton className="h-4 w-24" />
            )}
          </span>
        }
        title={campaign.data?.name ?? <Skeleton className="h-8 w-64" />}
        description={
          campaign.data && (
            <span className="flex flex-wrap items-center gap-2">
              <Badge tone={CAMPAIGN_STATUS[campaign.data.status].tone}>
                {CAMPAIGN_STATUS[campaign.data.status].label}
              </Badge>
              {formatDateRange(campaign.data.startDate, campaign.data.endDate)}
              {campaign.data.objective && (
                <span className="basis-full text-slate-500">{campaign.data.objective}</span>
              )}
            </span>
          )
        }
        actions={
          <>
            <Button
              variant="secondary"
              onClick={() => exportCsv.mutate(`${campaign.data?.name ?? 'ideas'}.csv`)}
              disabled={all.length === 0}
            >
              <Download aria-hidden />
              Export CSV
            </Button>
            <ShareReviewDialog campaignId={campaignId} />
            <Button asChild variant="secondary">
              <Link href={`/app/campaigns/${campaignId}/edit`}>
                <Pencil aria-hidden />
                Edit
              </Link>
            </Button>
            <Button onClick={() => setGenerateOpen(true)} disabled={!campaign.data}>
              <Sparkles aria-hidden />
              Generate ideas
            </Button>
          </>
        }
      />

      {running && !generateOpen && (
        <div className="mb-4">
          <GenerationProgress generation={generation.data} />
        </div>
      )}

      <ReviewRoundStatus campaignId={campaignId} />

      <div className="mb-4 flex flex-wrap items-center gap-3">
        <SegmentedControl label="Filter by format" value={type} onValueChange={setType} options={FORMATS} />
        <Select value={platform} onValueChange={(value) => setPlatform(value as Platform | 'ALL')}>
          <SelectTrigger className="w-44" aria-label="Filter by platform">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value="ALL">All platforms</SelectItem>
            {platformsInUse.map((p) => (
              <SelectItem key={p} value={p}>
                {PLATFORM_NAMES[p]}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        {visible.length !== all.length && (
          <span className="text-sm text-slate-500">
            Showing {visible.length} of {all.length}
          </span>
        )}
      </div>

      {ideas.isError ? (
        <QueryError error={ideas.error} retry={() => ideas.refetch()} />
      ) : ideas.isPending ? (
        <div className="flex gap-4 overflow-hidden">
          {[0, 1, 2].map((column) => (
            <div key={column} className="grid w-80 shrink-0 content-start gap-3">
              <Skeleton className="h-6 w-32" />
              <Skeleton className="h-28 rounded-lg" />
              <Skeleton className="h-28 rounded-lg" />
            </div>
          ))}
        </div>
      ) : all.length === 0 ? (
        <EmptyState
          icon={Sparkles}
          title="No ideas yet"
          description="Generate post and reel ideas from the brief; they land in Drafts for you to review before the client sees anything."
          action={
            <Button onClick={() => setGenerateOpen(true)}>
              <Sparkles aria-hidden />
              Generate ideas
            </Button>
          }
        />
      ) : (
        <ScrollingRow className="-mx-4 px-4 pb-24 sm:-mx-6 sm:px-6 lg:-mx-8 lg:px-8" label="Board columns">
          <div className="flex min-w-max gap-3 lg:min-w-0">
            {BOARD_COLUMNS.map((status) => (
              <BoardColumn
                key={status}
                status={status}
                ideas={byStatus(status)}
                selected={selected}
                onSelect={toggle}
                onOpen={setOpenIdea}
                folded={isFolded(status)}
                onFold={(fold) => setFolded((current) => ({ ...current, [status]: fold }))}
                drop={{
                  accepts:
                    dragging !== null &&
                    dragging.status !== status &&
                    canAllMove([dragging.status], status, 'agency'),
                  onDrop: () => dragging && move.mutate({ ideas: [dragging], to: status }),
                }}
                onDragIdea={setDragging}
              />
            ))}
          </div>
        </ScrollingRow>
      )}

      {chosen.length > 0 && (
        <div
          ref={bulkBar}
          role="toolbar"
          aria-label="Selected ideas"
          className="fixed inset-x-4 bottom-4 z-30 mx-auto flex max-w-2xl flex-wrap items-center gap-2 rounded-xl border border-slate-200 bg-white p-2 pl-4 shadow-xl lg:left-64"
        >
          <span className="mr-auto text-sm font-medium text-slate-700">{chosen.length} selected</span>
          {canAllMove(chosenStatuses, 'PENDING_CLIENT', 'agency') && (
            <>
              <Input
                type="date"
                aria-label="Review by (optional)"
                title="Review by (optional; the campaign’s date otherwise)"
                className="h-9 w-40"
                min={localToday()}
                value={sendReviewBy}
                onChange={(event) => setSendReviewBy(event.target.value)}
              />
              <Button onClick={() => moveChosen('PENDING_CLIENT')} pending={move.isPending}>
                <Send aria-hidden />
                Send {chosen.length} to client
              </Button>
            </>
          )}
          {canAllMove(chosenStatuses, 'AGENCY_REJECTED', 'agency') && (
            <Button variant="secondary" onClick={() => moveChosen('AGENCY_REJECTED')}>
              <Trash2 aria-hidden />
              Discard
            </Button>
          )}
          {canAllMove(chosenStatuses, 'GENERATED', 'agency') && (
            <Button variant="secondary" onClick={() => moveChosen('GENERATED')}>
              Back to drafts
            </Button>
          )}
          <Button
            variant="ghost"
            size="icon"
            aria-label="Clear selection"
            onClick={() => setSelected(new Set())}
          >
            <X aria-hidden />
          </Button>
        </div>
      )}

      {campaign.data && (
        <GenerateDialog
          campaign={campaign.data}
          open={generateOpen}
          onOpenChange={setGenerateOpen}
          generationId={generationId}
          onStarted={setGenerationId}
        />
      )}
      <IdeaDrawer campaignId={campaignId} ideaId={openIdeaId} onClose={() => setOpenIdea(null)} />
      {move.dialog}
    </>
  );
}
