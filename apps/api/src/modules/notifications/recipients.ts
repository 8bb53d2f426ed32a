import type { TenantTx } from '@muse/db';

/**
 * Who hears of what happens on a campaign. The agency side: the one who created the campaign and
 * the agency's admins; the client side: the brand's client contacts, including those invited who
 * have not signed in yet (the mail is what brings them). Never a disabled member, nor the person
 * who acted.
 */
export const recipients = {
  async agencyOf(tx: TenantTx, campaignId: string, except: string | null): Promise<string[]> {
    const campaign = await tx.campaign.findUnique({
      where: { id: campaignId },
      select: { createdById: true },
    });
    const users = await tx.user.findMany({
      where: {
        status: 'ACTIVE',
        OR: [
          { role: 'AGENCY_ADMIN' },
          ...(campaign?.createdById ? [{ id: campaign.createdById, role: { not: 'CLIENT' as const } }] : []),
        ],
      },
      select: { id: true },
    });
    return users.map((user) => user.id).filter((id) => id !== except);
  },

  async clientOf(tx: TenantTx, clientId: string, except: string | null): Promise<string[]> {
    const users = await tx.user.findMany({
      where: { status: { in: ['ACTIVE', 'INVITED'] }, role: 'CLIENT', clientId },
      select: { id: true },
    });
    return users.map((user) => user.id).filter((id) => id !== except);
  },
};
