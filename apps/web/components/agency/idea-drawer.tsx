'use client';

import { EDITABLE_STATUSES, type Idea } from '@muse/contracts';
import * as DialogPrimitive from '@radix-ui/react-dialog';
import { Lock, RefreshCw } from 'lucide-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { toast } from 'sonner';
import { ActivityList } from '@/components/activity/activity-list';
import { CommentsPanel } from '@/components/ideas/comments-panel';
import { FormatBadges, StatusBadge } from '@/components/ideas/idea-badges';
import { IdeaContent } from '@/components/ideas/idea-content';
import { RevisionHistory } from '@/components/ideas/revision-history';
import { QueryError } from '@/components/query-state';
import { Button } from '@/components/ui/button';
import { Dialog, SheetContent } from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import { Skeleton } from '@/components/ui/skeleton';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { isRunning } from '@/lib/queries/generations';
import { useIdeaActivity } from '@/lib/queries/use-activity';
import { useGeneration } from '@/lib/queries/use-generations';
import { useIdea, useRefreshIdea, useRegenerateIdea } from '@/lib/queries/use-ideas';
import { useUnsavedChanges } from '@/lib/unsaved-changes';
import { actionLabel, movesFrom } from '@/lib/workflow';
import { useBrandCheckedMove } from './brand-check-confirm';
import { BrandCheckPanel } from './brand-check-panel';
import { ClientRequest } from './client-request';
import { GenerationProgress } from './generation-progress';
import { IdeaEditor } from './idea-editor';

function Regenerate({ idea, campaignId }: { idea: Idea; campaignId: string }) {
  const [instructions, setInstructions] = useState('');
  const [generationId, setGenerationId] = useState<string | null>(null);
  const generation = useGeneration(generationId);
  const regenerate = useRegenerateIdea(idea.id);
  const start = () =>
    regenerate.mutate(instructions, { onSuccess: (started) => setGenerationId(started.generationId) });
  const refreshIdea = useRefreshIdea(idea.id, campaignId);
  const finished = useRef<string | null>(null);
  useEffect(() => {
    const data = generation.data;
    if (!data || isRunning(data) || finished.current === data.id) return;
    finished.current = data.id;
    refreshIdea();
    if (data.status === 'SUCCEEDED')
      toast.success('New version written', { description: 'See History for what changed.' });
  }, [generation.data, refreshIdea]);
  const running = Boolean(generationId) && isRunning(generation.data ?? { status: 'QUEUED' });
  return (
    <div className="grid gap-2 rounded-lg border border-slate-200 bg-slate-50 p-3">
      <p className="text-sm font-medium text-slate-800">Regenerate this idea</p>
      <div className="flex gap-2">
        <Input
          aria-label="Instructions for the new version"
          placeholder="Optional: what should be different?"
          value={instructions}
          onChange={(event) => setInstructions(event.target.value)}
          disabled={running}
        />
        <Button variant="secondary" onClick={start} pending={regenerate.isPending || running}>
          <RefreshCw aria-hidden />
          Regenerate
        </Button>
      </div>
      {generationId && (generation.data?.status !== 'SUCCEEDED' || running) && (
        <GenerationProgress generation={generation.data} onRetry={start} />
      )}
    </div>
  );
}

/** Everything about one idea: content (editable while allowed), workflow moves, comments, history, activity. */
export function IdeaDrawer({
  campaignId,
  ideaId,
  onClose,
}: {
  campaignId: string;
  ideaId: string | null;
  onClose: () => void;
}) {
  const idea = useIdea(ideaId);
  const activity = useIdeaActivity(ideaId ?? '');
  const move = useBrandCheckedMove(campaignId);
  const data = idea.data;
  const editable = data ? EDITABLE_STATUSES.includes(data.status) : false;
  const sendable = data ? movesFrom(data.status, 'agency').some(({ to }) => to === 'PENDING_CLIENT') : false;
  // A move sends the stored text: with edits not saved yet it would send the text before them.
  const [unsaved, setUnsaved] = useState(false);
  const [refusedMove, setRefusedMove] = useState(false);
  const onDirtyChange = useCallback((dirty: boolean) => {
    setUnsaved(dirty);
    if (!dirty) setRefusedMove(false);
  }, []);
  const confirmDiscard = useUnsavedChanges(unsaved);

  return (
    <Dialog open={Boolean(ideaId)} onOpenChange={(open) => !open && confirmDiscard() && onClose()}>
      <SheetContent aria-describedby={undefined}>
        {!data ? (
          <div className="grid gap-4 p-6">
            <DialogPrimitive.Title className="sr-only">Idea</DialogPrimitive.Title>
            {idea.isError ? (
              <QueryError error={idea.error} retry={() => idea.refetch()} />
            ) : (
              <>
                <Skeleton className="h-7 w-3/4" />
                <Skeleton className="h-4 w-1/2" />
                <Skeleton className="h-48" />
              </>
            )}
          </div>
        ) : (
          <>
            <header className="border-b border-slate-200 p-6 pb-4 pr-14">
              <div className="flex flex-wrap items-center gap-2">
                <StatusBadge status={data.status} />
                <FormatBadges idea={data} />
                {data.round > 0 && <span className="text-xs text-slate-500">Round {data.round}</span>}
              </div>
              <DialogPrimitive.Title className="mt-2 text-xl font-semibold text-slate-900">
                {data.title}
              </DialogPrimitive.Title>
              <div className="mt-3 flex flex-wrap gap-2">
                {movesFrom(data.status, 'agency').map((transition) => (
                  <Button
                    key={transition.to}
                    size="sm"
                    variant={transition.to === 'PENDING_CLIENT' ? 'primary' : 'secondary'}
                    pending={move.isPending && move.variables?.to === transition.to}
                    onClick={() =>
                      unsaved ? setRefusedMove(true) : move.mutate({ ideas: [data], to: transition.to })
                    }
                  >
                    {actionLabel(transition)}
                  </Button>
                ))}
              </div>
              {data.status === 'CHANGES_REQUESTED' && <ClientRequest ideaId={data.id} />}
              {refusedMove && (
                <p role="alert" className="mt-3 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-800">
                  Save or undo your edits first: otherwise the text from before them would be sent.
                </p>
              )}
            </header>
            <Tabs defaultValue="details" className="flex min-h-0 flex-1 flex-col">
              <TabsList className="mx-6 mt-4 w-fit">
                <TabsTrigger value="details">Details</TabsTrigger>
                <TabsTrigger value="comments">Comments</TabsTrigger>
                <TabsTrigger value="history">History</TabsTrigger>
                <TabsTrigger value="activity">Activity</TabsTrigger>
              </TabsList>
              <div className="min-h-0 flex-1 overflow-y-auto px-6 pb-8">
                {/* Kept mounted while another tab is shown: a half-made edit or comment survives a look elsewhere. */}
                <TabsContent value="details" forceMount className="grid gap-5 data-[state=inactive]:hidden">
                  {sendable && <BrandCheckPanel idea={data} />}
                  {editable ? (
                    <>
                      <IdeaEditor
                        key={data.id}
                        idea={data}
                        campaignId={campaignId}
                        onDirtyChange={onDirtyChange}
                      />
                      <Regenerate idea={data} campaignId={campaignId} />
                    </>
                  ) : (
                    <>
                      <p className="flex items-center gap-2 rounded-lg bg-slate-50 px-3 py-2 text-sm text-slate-600">
                        <Lock className="size-4 text-slate-400" aria-hidden />
                        {data.status === 'CLIENT_APPROVED'
                          ? 'Approved by the client: the content is final.'
                          : data.status === 'PENDING_CLIENT'
                            ? 'With the client. Withdraw it to make changes.'
                            : 'This idea cannot be edited in its current status.'}
                      </p>
                      <IdeaContent idea={data} />
                    </>
                  )}
                </TabsContent>
                <TabsContent value="comments" forceMount className="data-[state=inactive]:hidden">
                  <CommentsPanel ideaId={data.id} audience="agency" />
                </TabsContent>
                <TabsContent value="history">
                  <RevisionHistory
                    ideaId={data.id}
                    restoring={
                      editable
                        ? { idea: data, blockedBy: unsaved ? 'Save or undo your edits first.' : null }
                        : undefined
                    }
                  />
                </TabsContent>
                <TabsContent value="activity">
                  {activity.isPending ? (
                    <Skeleton className="h-32" />
                  ) : activity.isError ? (
                    <QueryError error={activity.error} retry={() => activity.refetch()} className="py-6" />
                  ) : (
                    <ActivityList events={activity.data.items} empty="No activity yet." />
                  )}
                </TabsContent>
              </div>
            </Tabs>
          </>
        )}
        {move.dialog}
      </SheetContent>
    </Dialog>
  );
}
