import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadFullCatalogue } from './i18n/i18nProvider';
import { getSession } from './providers/session';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

// Signed out on a protected page: go to the login form before react-admin mounts.
// Otherwise its logout-on-mount redirect loops for seconds, pushing /login onto the
// history thousands of times (marmelab/react-admin#10764).
// The page asked for is kept as react-router state, so the login returns to it.
if (!getSession() && window.location.pathname !== '/login') {
  const state = { nextPathname: window.location.pathname, nextSearch: window.location.search };
  window.history.replaceState({ usr: state, key: 'default', idx: 0 }, '', '/login');
}

// Signed in: the first screen is not the login page, so it waits for the whole catalogue.
void (getSession() ? loadFullCatalogue() : Promise.resolve()).then(() =>
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
