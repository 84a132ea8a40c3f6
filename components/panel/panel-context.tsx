import { createContext, useContext, useMemo } from 'react';
import type { Repositories } from '@/lib/repositories';
import { translator, type Translate } from '@/lib/i18n/i18n';
import type { HostConnection } from '@/lib/panel/host-connection';
import { usePanelStore } from '@/lib/panel/panel-store';

export interface PanelServices {
  repository: Repositories;
  host: HostConnection;
}

export const PanelServicesContext = createContext<PanelServices | null>(null);

export function usePanelServices(): PanelServices {
  const services = useContext(PanelServicesContext);
  if (!services) throw new Error('usePanelServices outside PanelServicesContext');
  return services;
}

export function useT(): Translate {
  const locale = usePanelStore((s) => s.locale);
  return useMemo(() => translator(locale), [locale]);
}
