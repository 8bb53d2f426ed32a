/** Query keys in one place, so a mutation invalidates exactly what it changed. */
export const keys = {
  clients: (filters: { q?: string; includeArchived?: boolean } = {}) => ['clients', filters] as const,
  allClients: ['clients'] as const,
  client: (id: string) => ['client', id] as const,
  campaigns: (filters: { clientId?: string; status?: string } = {}) => ['campaigns', filters] as const,
  allCampaigns: ['campaigns'] as const,
  campaign: (id: string) => ['campaign', id] as const,
  ideas: (campaignId: string) => ['ideas', campaignId] as const,
  reviewRounds: (campaignId: string) => ['review-rounds', campaignId] as const,
  idea: (id: string) => ['idea', id] as const,
  revisions: (ideaId: string) => ['revisions', ideaId] as const,
  comments: (ideaId: string) => ['comments', ideaId] as const,
  activity: (filters: { entityType?: string; entityId?: string } = {}) => ['activity', filters] as const,
  allActivity: ['activity'] as const,
  generation: (id: string) => ['generation', id] as const,
  usage: ['usage'] as const,
  /** Under `usage`, so whatever makes usage stale makes the allowance stale too. */
  generationAllowance: ['usage', 'allowance'] as const,
  analytics: (filters: { from?: string; to?: string; clientId?: string }) => ['analytics', filters] as const,
  allAnalytics: ['analytics'] as const,
  users: ['users'] as const,
  tenants: ['tenants'] as const,
  notifications: ['notifications'] as const,
  branding: ['branding'] as const,
  notificationPreferences: ['notification-preferences'] as const,
  reviewLinks: (campaignId: string) => ['review-links', campaignId] as const,
  reviewSession: ['review-session'] as const,
  calendar: (filters: object) => ['calendar', filters] as const,
  allCalendar: ['calendar'] as const,
  calendarFeed: ['calendar-feed'] as const,
};

/** What a change to any of a campaign's ideas can make stale: its board, counts, rounds, the activity feed, the calendar and the approval figures. */
export const campaignIdeasKeys = (campaignId: string) => [
  keys.ideas(campaignId),
  keys.campaign(campaignId),
  keys.allCampaigns,
  keys.reviewRounds(campaignId),
  keys.allActivity,
  keys.allCalendar,
  keys.allAnalytics,
];
