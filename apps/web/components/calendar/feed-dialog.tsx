'use client';

import type { CalendarFeedAddress } from '@muse/contracts';
import { CalendarPlus, Check, Copy } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import { formatDate } from '@/lib/labels';
import { useCalendarFeed, useRotateCalendarFeed } from '@/lib/queries/use-calendar';

/**
 * The caller's subscription address for calendar apps. Only its hash is kept, so the address is
 * shown once, when it is made; making a new one ends the old.
 */
export function FeedDialog({ apiUrl }: { apiUrl: string }) {
  const [issued, setIssued] = useState<CalendarFeedAddress | null>(null);
  return (
    <Dialog onOpenChange={(open) => !open && setIssued(null)}>
      <DialogTrigger asChild>
        <Button variant="secondary">
          <CalendarPlus aria-hidden />
          Subscribe
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-lg">
        <DialogHeader>
          <DialogTitle>Subscribe in your calendar app</DialogTitle>
          <DialogDescription>
            Add this address to Google Calendar, Outlook or Apple Calendar (“subscribe by URL”): the scheduled
            ideas you can see appear there and follow every change.
          </DialogDescription>
        </DialogHeader>
        {issued ? (
          <IssuedAddress url={new URL(issued.path, apiUrl).href} />
        ) : (
          <FeedStatus onIssued={setIssued} />
        )}
      </DialogContent>
    </Dialog>
  );
}

function FeedStatus({ onIssued }: { onIssued: (address: CalendarFeedAddress) => void }) {
  const feed = useCalendarFeed();
  const rotate = useRotateCalendarFeed();
  const active = feed.data?.active === true;
  return (
    <div className="grid gap-3">
      {active && feed.data?.createdAt && (
        <p className="text-sm text-slate-600">
          You made an address on {formatDate(feed.data.createdAt)}. It was shown once; a new address stops the
          old one from working.
        </p>
      )}
      <Button
        className="justify-self-start"
        pending={rotate.isPending}
        disabled={feed.isPending}
        onClick={() => rotate.mutate(undefined, { onSuccess: onIssued })}
      >
        {active ? 'Make a new address' : 'Make an address'}
      </Button>
    </div>
  );
}

function IssuedAddress({ url }: { url: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    await navigator.clipboard.writeText(url);
    setCopied(true);
    toast.success('Address copied');
  }
  return (
    <div className="grid gap-3 rounded-lg border border-emerald-200 bg-emerald-50 p-3">
      <p className="text-sm text-emerald-900">
        It is shown only now: copy it before you close this. Anyone with it can read your calendar.
      </p>
      <div className="flex gap-2">
        <Input readOnly value={url} aria-label="Calendar address" data-testid="calendar-feed-url" />
        <Button type="button" variant="secondary" onClick={copy}>
          {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
          {copied ? 'Copied' : 'Copy'}
        </Button>
      </div>
    </div>
  );
}
