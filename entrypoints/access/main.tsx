import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { clearOnLock } from '@/lib/crypto/clear-on-lock';
import { translator } from '@/lib/i18n/i18n';
import { usePanelStore } from '@/lib/panel/panel-store';
import { AccessReport } from '@/components/privacy/AccessReport';
import { startAccessPage } from '@/lib/privacy/start-access-page';
import './print.css';

void startAccessPage().then((props) => {
  const container = document.getElementById('root')!;
  const root = createRoot(container);
  // Citizen data on screen follows the lock like every other Sidevogn page.
  clearOnLock(root, container, translator(usePanelStore.getState().locale)('lock.pageLocked'));
  root.render(
    <StrictMode>
      <AccessReport {...props} />
    </StrictMode>,
  );
});
