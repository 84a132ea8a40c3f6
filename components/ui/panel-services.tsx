import { createContext, useContext } from 'react';
import type { Repositories } from '@/lib/repositories';
import type { HostConnection } from '@/lib/panel/host-connection';

/** What the panel's features work with: the repository and the connection to the host page. */
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
