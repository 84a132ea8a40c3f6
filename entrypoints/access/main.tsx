import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { clearOnLock } from '@/lib/crypto/clear-on-lock';
import { translator } from '@/lib/i18n/i18n';
import { useLocaleStore } from '@/lib/i18n/locale-store';
import { AccessReport } from '@/components/privacy/AccessReport';
import { startAccessPage } from '@/lib/privacy/start-access-page';
import './print.css';

void startAccessPage().then((props) => {
  const container = document.getElementById('root')!;
  const root = createRoot(container);
  // Citizen data on screen follows the lock like every other Sidevogn page.
  clearOnLock(root, container, translator(useLocaleStore.getState().locale)('lock.pageLocked'));
  root.render(
    <StrictMode>
      <AccessReport {...props} />
    </StrictMode>,
  );
});
