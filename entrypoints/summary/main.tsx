import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { clearOnLock } from '@/lib/crypto/clear-on-lock';
import { translator } from '@/lib/i18n/i18n';
import { useLocaleStore } from '@/lib/i18n/locale-store';
import { SummarySheet } from '@/components/summary/SummarySheet';
import { startSummaryPage } from '@/lib/summary/start-summary-page';
import './print.css';

void startSummaryPage().then((props) => {
  const container = document.getElementById('root')!;
  const root = createRoot(container);
  // Citizen data on screen follows the lock like every other Sidevogn page.
  clearOnLock(root, container, translator(useLocaleStore.getState().locale)('lock.pageLocked'));
  root.render(
    <StrictMode>
      <SummarySheet {...props} />
    </StrictMode>,
  );
});
