import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AccessReport } from '@/components/privacy/AccessReport';
import { startAccessPage } from '@/lib/privacy/start-access-page';
import './print.css';

void startAccessPage().then((props) => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <AccessReport {...props} />
    </StrictMode>,
  );
});
