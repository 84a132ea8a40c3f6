import { localDay } from '@/lib/summary/dates';
import { useNow } from '@/components/ui/use-now';

export { useNow };

/** Today's local day, updated when the day changes while a page stays open. */
export function useToday(): string {
  return localDay(useNow());
}
