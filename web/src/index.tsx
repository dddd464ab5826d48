import { render } from 'solid-js/web';
import { App } from './App.tsx';
import { fetchConfig } from './account/config.ts';
import { startSession } from './account/session.ts';

const root = document.getElementById('root');
if (root) {
  // The sign-in code starts loading with session.ts, while this file is fetched.
  void fetchConfig().then((config) => {
    startSession(config);
    render(() => <App />, root);
  });
}
