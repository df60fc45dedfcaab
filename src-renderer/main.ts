import { mount } from 'svelte';
import App from './App.svelte';
import { theme } from './lib/theme.svelte';
import './styles/tokens.css';
import './styles/base.css';
import './styles/prose.css';

// Apply the theme before the first paint of the app, so dark mode never flashes light.
theme.start();

const target = document.getElementById('app');
if (!target) throw new Error('The page has no #app element to mount into.');
export default mount(App, { target });
