/** The workspace page, with the page to go back to once a workspace is chosen. */
export function workspacePagePath(returnTo: string | null | undefined): string {
  return returnTo ? `/workspaces?returnTo=${encodeURIComponent(returnTo)}` : '/workspaces';
}
