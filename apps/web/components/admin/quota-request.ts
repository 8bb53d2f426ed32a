import { UpdateTenantBody } from '@muse/contracts';
import { contractResolver, fromForm } from '@/components/forms/contract-form';
import { countOf } from '@/components/forms/form-errors';

/** The quota as typed in the dialog. */
export interface QuotaDraft {
  monthlyTokenQuota: string;
}

export const quotaBodyOf = (draft: QuotaDraft) => ({ monthlyTokenQuota: countOf(draft.monthlyTokenQuota) });

/** Checks the quota with the tenant update contract: "Enter a whole number", "At least 0", "At most …". */
export const quotaResolver = contractResolver<QuotaDraft, UpdateTenantBody>(
  fromForm(quotaBodyOf, UpdateTenantBody),
);
