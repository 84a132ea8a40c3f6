import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { OptionsApp } from '@/components/options/OptionsApp';
import { startOptions } from '@/lib/options/start-options';
import '../panel/style.css';

void startOptions().then(({ db, repository }) => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <OptionsApp db={db} repository={repository} />
    </StrictMode>,
  );
});
