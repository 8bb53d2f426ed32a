import type { TenantTx } from '@muse/db';
import { type NotificationJobs, notify } from './notify.ts';

/** Tells whoever started a generation that it finished or failed (nobody, for a run no one started). */
export async function notifyOfGenerationEnd(
  tx: TenantTx,
  jobs: NotificationJobs,
  run: { tenantId: string; campaignId: string; requestedById: string | null },
  outcome: { succeeded: boolean; produced: number },
): Promise<void> {
  if (!run.requestedById) return;
  const campaign = await tx.campaign.findUnique({ where: { id: run.campaignId }, select: { name: true } });
  if (!campaign) return;
  await notify(tx, jobs, run.tenantId, [run.requestedById], {
    kind: 'GENERATION_FINISHED',
    campaignId: run.campaignId,
    data: { campaignName: campaign.name, ...outcome },
  });
}
