/** The icon the approvals page goes by in the menu. */
export { ChartColumn as ApprovalsIcon } from 'lucide-react';
