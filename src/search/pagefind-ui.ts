// Stands in for '@pagefind/default-ui' (see the alias in astro.config.mjs). Starlight creates the
// search UI on every page as soon as the browser is idle; that is ~30 KB of gzip JavaScript a
// reader who never searches still downloads. This stand-in keeps the options and loads the real
// UI (./pagefind-ui-core.ts) on the first sign of intent: pointer or focus on the search button,
// a tap, or the Ctrl/Cmd+K shortcut.
export class PagefindUI {
  constructor(options: Record<string, unknown>) {
    const button = document.querySelector<HTMLButtonElement>('button[data-open-modal]');
    const dialog = document.querySelector<HTMLDialogElement>('site-search dialog');
    let loading: Promise<void> | undefined;
    const load = () => {
      loading ??= import('./pagefind-ui-core.ts').then(async ({ PagefindUI: RealUI }) => {
        await RealUI.create(options);
        // The dialog may already be open (a click that came before the code): focus the new input
        // as Starlight does when it opens the dialog.
        if (dialog?.open) document.querySelector<HTMLInputElement>('#starlight__search input')?.focus();
      });
    };
    for (const event of ['pointerenter', 'focus', 'touchstart', 'click']) button?.addEventListener(event, load, { once: true, passive: true });
    window.addEventListener('keydown', (e) => {
      if ((e.metaKey || e.ctrlKey) && e.key === 'k') load();
    });
    // No button, or a reader who opened the dialog before the browser was idle enough to run
    // this: load now (the listeners above came too late for that click).
    if (!button || dialog?.open) load();
  }
}
