import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startPanel } from '@/lib/panel/start-panel';
import { PanelApp } from './PanelApp';
import { PanelServicesContext } from '@/components/ui/panel-services';

/** Starts the panel app: in its frame on the host page, or in the browser's side panel. */
export function mountPanel(root: HTMLElement): void {
  void startPanel().then(({ services, db, storageError }) => {
    createRoot(root).render(
      <StrictMode>
        <PanelServicesContext value={services}>
          <PanelApp db={db} storageError={storageError} />
        </PanelServicesContext>
      </StrictMode>,
    );
  });
}
