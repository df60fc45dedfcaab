// Theme: follows the OS unless the learner picks Light or Dark; the choice is remembered.
// Dark mode is a token swap keyed on <html data-theme>.
export type ThemePreference = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

const storageKey = 'backpressure.theme';
const darkQuery = '(prefers-color-scheme: dark)';

function readPreference(): ThemePreference {
  try {
    const stored = localStorage.getItem(storageKey);
    if (stored === 'light' || stored === 'dark' || stored === 'system') return stored;
  } catch {
    // Storage can be unavailable (privacy settings); the OS preference still works.
  }
  return 'system';
}

class ThemeState {
  preference = $state<ThemePreference>(readPreference());
  #systemDark = $state(typeof matchMedia !== 'undefined' && matchMedia(darkQuery).matches);
  resolved: Theme = $derived(this.preference === 'system' ? (this.#systemDark ? 'dark' : 'light') : this.preference);

  /** Applies the theme now and keeps it applied; returns a cleanup. */
  start(): () => void {
    const media = matchMedia(darkQuery);
    const onChange = (event: MediaQueryListEvent) => (this.#systemDark = event.matches);
    media.addEventListener('change', onChange);
    const stop = $effect.root(() => {
      $effect(() => {
        document.documentElement.dataset.theme = this.resolved;
      });
    });
    return () => {
      media.removeEventListener('change', onChange);
      stop();
    };
  }

  set(preference: ThemePreference): void {
    this.preference = preference;
    try {
      localStorage.setItem(storageKey, preference);
    } catch {
      // Not remembered, but still applied for this session.
    }
  }
}

export const theme = new ThemeState();
