import { ApolloProvider } from '@apollo/client/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { createApolloClient } from './apollo/client';
import { App } from './App';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('Élément #root introuvable dans index.html');

createRoot(root).render(
  <StrictMode>
    <ApolloProvider client={createApolloClient()}>
      {/* Screens keep their filters in the URL and render controls from it: a location update in a transition
          would leave a ticked checkbox unticked until the transition renders (React restores controlled inputs). */}
      <BrowserRouter useTransitions={false}>
        <App />
      </BrowserRouter>
    </ApolloProvider>
  </StrictMode>,
);
