'use client';

import type { BrandCheckHold } from '@muse/contracts';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '@/components/ui/dialog';
import { brandCheckHoldsOf } from '@/lib/api-client/errors';
import { type MoveIdeas, useMoveIdeas } from '@/lib/queries/use-ideas';
import { BrandCheckFindings } from './brand-check-panel';

/**
 * Moves ideas like `useMoveIdeas`; a sending the brand check holds back opens `dialog`, which
 * lists the open warnings per idea and sends again with the confirmation on "Send anyway".
 */
export function useBrandCheckedMove(campaignId: string) {
  const move = useMoveIdeas(campaignId);
  const [held, setHeld] = useState<{ request: MoveIdeas; holds: BrandCheckHold[] } | null>(null);
  const mutate = (request: MoveIdeas) =>
    move.mutate(request, {
      onError: (error) => {
        const holds = brandCheckHoldsOf(error);
        if (holds) setHeld({ request, holds });
      },
    });
  const sendAnyway = () => {
    if (!held) return;
    move.mutate({ ...held.request, confirmBrandCheck: true });
    setHeld(null);
  };
  const dialog = (
    <Dialog open={held !== null} onOpenChange={(open) => !open && setHeld(null)}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Send with open brand check warnings?</DialogTitle>
          <DialogDescription>
            {held?.holds.length === 1
              ? 'This idea has warnings the client may notice.'
              : `${held?.holds.length ?? 0} ideas have warnings the client may notice.`}{' '}
            Sending anyway records that you confirmed them.
          </DialogDescription>
        </DialogHeader>
        <div className="grid max-h-[50vh] gap-4 overflow-y-auto">
          {held?.holds.map((hold) => (
            <section key={hold.ideaId} aria-label={hold.title} className="grid gap-2">
              <h3 className="text-sm font-medium text-slate-900">{hold.title}</h3>
              <BrandCheckFindings findings={hold.findings} />
            </section>
          ))}
        </div>
        <DialogFooter>
          <Button variant="secondary" onClick={() => setHeld(null)}>
            Go back
          </Button>
          <Button onClick={sendAnyway}>Send anyway</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
  return { mutate, isPending: move.isPending, variables: move.variables, dialog };
}
