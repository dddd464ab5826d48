import { render } from 'solid-js/web';
import { loadConfig } from './api.ts';
import { App } from './App.tsx';
import './styles.css';

const root = document.getElementById('root');
if (root) {
  void loadConfig().finally(() => render(() => <App />, root));
}
