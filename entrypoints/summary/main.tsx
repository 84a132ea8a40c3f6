import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SummarySheet } from '@/components/summary/SummarySheet';
import { startSummaryPage } from '@/lib/summary/start-summary-page';
import './print.css';

void startSummaryPage().then((props) => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <SummarySheet {...props} />
    </StrictMode>,
  );
});
