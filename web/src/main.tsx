/**
 * Entry point of the explorer: mounts the app into `#root` in React strict mode (which also
 * checks that the sigma renderer is killed and recreated cleanly).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import './styles.css';

const root = document.getElementById('root');
if (root === null) throw new Error('web/main: index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
