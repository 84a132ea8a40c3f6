import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startPanel } from '@/lib/panel/start-panel';
import { PanelApp } from '@/components/panel/PanelApp';
import { PanelServicesContext } from '@/components/panel/panel-context';
import './style.css';

void startPanel().then(({ services, db, storageError }) => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <PanelServicesContext value={services}>
        <PanelApp db={db} storageError={storageError} />
      </PanelServicesContext>
    </StrictMode>,
  );
});
