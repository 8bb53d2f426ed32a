'use client';

import type { AnalyticsQuery, AnalyticsTable } from '@muse/contracts';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { toast } from 'sonner';
import { useApi } from '@/components/providers';
import { describeError } from '@/lib/api-client/errors';
import { saveFile } from '@/lib/save-file';
import { approvalAnalyticsQuery } from './analytics';

/** The approval figures; a new period keeps the old figures on screen until its own arrive. */
export function useApprovalAnalytics(filters: AnalyticsQuery) {
  return useQuery({ ...approvalAnalyticsQuery(useApi(), filters), placeholderData: keepPreviousData });
}

/** Downloads one table of the figures as a CSV file named `fileName`. */
export function useExportAnalyticsCsv(filters: AnalyticsQuery) {
  const api = useApi();
  return useMutation({
    mutationFn: async ({ table, fileName }: { table: AnalyticsTable; fileName: string }) =>
      saveFile(await api.analytics.csv({ ...filters, table }), fileName),
    onError: (error) => toast.error('Export failed', { description: describeError(error) }),
  });
}
