import { render } from 'solid-js/web';
import { App } from './App.tsx';
import { loadConfig } from './api.ts';
import './styles.css';

const root = document.getElementById('root');
if (root) {
  void loadConfig().finally(() => render(() => <App />, root));
}
