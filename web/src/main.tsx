import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './shared/i18n';
import { initialLanguage } from './app/preferences';
import { applyLanguage } from './app/language';
import { Providers } from './app/providers';
import { AppRouter } from './app/router';
import './app/global.css';

const language = initialLanguage();
initI18n(language);
applyLanguage(language);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Providers>
        <AppRouter />
      </Providers>
    </StrictMode>,
  );
}
