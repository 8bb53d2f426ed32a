import { UpdateAgencyBrandingBody } from '@muse/contracts';
import { contractResolver, fromForm } from '@/components/forms/contract-form';

/** The logo address as typed: empty removes the logo. */
export interface BrandingDraft {
  logoUrl: string;
}

export const brandingBodyOf = (draft: BrandingDraft) => ({ logoUrl: draft.logoUrl.trim() || null });

export const brandingResolver = contractResolver<BrandingDraft, UpdateAgencyBrandingBody>(
  fromForm(brandingBodyOf, UpdateAgencyBrandingBody),
  { fixed: { logoUrl: 'Enter an https:// address of an image, or leave it empty' } },
);
