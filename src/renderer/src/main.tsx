import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';
import './styles/common.css';
import './styles/import.css';
import './styles/data.css';
import './styles/model.css';
import './styles/compare.css';
import './styles/journeys.css';
import './styles/overview.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
