// Progress through the onboarding track, kept in this browser's localStorage only (nothing is
// sent). <mtls-selfcheck> toggles one module done; <mtls-track-progress> shows the count and resets
// it; on pages that carry the track data (#mtls-track-data) the sidebar marks done modules' pages.
import { PROGRESS_KEY, readProgress } from '../../lib/onboarding/track.ts';

interface TrackData {
  learningPath: string;
  modules: { id: string; links: string[] }[];
  strings: { done: string; doneState: string; notDoneState: string; resetDone: string; progress: string[]; badge: string[] };
}

const CHANGE = 'mtls-track-change';

function trackData(): TrackData | undefined {
  const el = document.getElementById('mtls-track-data');
  return el ? (JSON.parse(el.textContent ?? '{}') as TrackData) : undefined;
}

function load(): Set<string> {
  try {
    return readProgress(localStorage.getItem(PROGRESS_KEY));
  } catch {
    return new Set(); // storage blocked: progress is not kept
  }
}

function save(done: Set<string>): void {
  try {
    if (done.size === 0) localStorage.removeItem(PROGRESS_KEY);
    else localStorage.setItem(PROGRESS_KEY, JSON.stringify({ done: [...done].sort() }));
  } catch { /* storage blocked */ }
  window.dispatchEvent(new CustomEvent(CHANGE));
}

function setDone(id: string, on: boolean): void {
  const done = load();
  if (on) done.add(id); else done.delete(id);
  save(done);
}

/** Module states, the learning-path summary and the sidebar marks, from storage. */
function render(): void {
  const data = trackData();
  const done = load();
  for (const el of document.querySelectorAll<HTMLElement>('[data-module-state]')) {
    el.textContent = done.has(el.dataset.moduleState ?? '') ? `✓ ${data?.strings.doneState ?? ''}` : '';
  }
  if (!data) return;
  const count = data.modules.filter((m) => done.has(m.id)).length;
  for (const el of document.querySelectorAll<HTMLElement>('[data-track-summary]')) el.textContent = data.strings.progress[count] ?? '';
  // Sidebar: a check after each page of a done module, a count after the learning path.
  const sidebar = document.getElementById('starlight__sidebar');
  if (!sidebar) return;
  for (const mark of sidebar.querySelectorAll('.mtls-sidebar-mark')) mark.remove();
  const donePages = new Set(data.modules.filter((m) => done.has(m.id)).flatMap((m) => m.links));
  for (const a of sidebar.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    const path = a.getAttribute('href') ?? '';
    const mark = document.createElement('span');
    mark.className = 'mtls-sidebar-mark';
    if (path === data.learningPath && count > 0) mark.textContent = ` ${data.strings.badge[count]}`;
    else if (donePages.has(path)) {
      mark.textContent = ' ✓';
      const sr = document.createElement('span');
      sr.className = 'sr-only';
      sr.textContent = data.strings.done;
      mark.append(sr);
    } else continue;
    a.append(mark);
  }
}

class SelfCheckElement extends HTMLElement {
  connectedCallback(): void {
    const id = this.dataset.module ?? '';
    const button = this.querySelector<HTMLButtonElement>('[data-done]');
    const state = this.querySelector<HTMLElement>('[data-done-state]');
    const data = trackData();
    const update = () => {
      const on = load().has(id);
      if (button) button.setAttribute('aria-pressed', String(on));
      if (state) state.textContent = on ? (data?.strings.doneState ?? state.textContent) : (data?.strings.notDoneState ?? state.textContent);
      this.toggleAttribute('data-done', on);
    };
    if (button) {
      button.disabled = false;
      button.addEventListener('click', () => setDone(id, button.getAttribute('aria-pressed') !== 'true'));
    }
    window.addEventListener(CHANGE, update);
    update();
  }
}

class TrackProgressElement extends HTMLElement {
  connectedCallback(): void {
    const reset = this.querySelector<HTMLButtonElement>('[data-track-reset]');
    const state = this.querySelector<HTMLElement>('[data-track-reset-state]');
    reset?.addEventListener('click', () => {
      save(new Set());
      if (state) state.textContent = trackData()?.strings.resetDone ?? '';
    });
  }
}

if (!customElements.get('mtls-selfcheck')) customElements.define('mtls-selfcheck', SelfCheckElement);
if (!customElements.get('mtls-track-progress')) customElements.define('mtls-track-progress', TrackProgressElement);
window.addEventListener(CHANGE, render);
// Another tab changed the progress.
window.addEventListener('storage', (e) => { if (e.key === PROGRESS_KEY || e.key === null) { window.dispatchEvent(new CustomEvent(CHANGE)); } });
render();
