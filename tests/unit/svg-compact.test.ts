// The SVG compaction behind build-time diagrams (src/plugins/svg-compact.mjs).
import { describe, expect, it } from 'vitest';
import { compactSvg, dropUnusedDefs, dropUnusedRules, joinStrokes, mergeThemes, roundNumbers, simplifyPath } from '../../src/plugins/svg-compact.mjs';

describe('roundNumbers', () => {
  it('rounds decimals in attributes to hundredths and leaves text alone', () => {
    expect(roundNumbers('<g transform="translate(116.84332275390625, -0.0001)"><text x="1.5">v1.2345</text></g>')).toBe(
      '<g transform="translate(116.84, 0)"><text x="1.5">v1.2345</text></g>',
    );
  });

  it('reads numbers as SVG does and leaves relative paths alone', () => {
    expect(roundNumbers('<path d="M1.5.125L-.3333 2"/>')).toBe('<path d="M1.5.13L-.33 2"/>');
    expect(roundNumbers('<path d="m1.5.125l-.3333 2"/>')).toBe('<path d="m1.5.125l-.3333 2"/>');
  });
});

describe('joinStrokes', () => {
  it('draws a twice-stroked outline once, as one subpath', () => {
    expect(joinStrokes('M0 0L10 0M0 0L10 0M10 0L12 1M10 0L12 1')).toBe('M0 0L10 0L12 1');
  });

  it('keeps subpaths that start elsewhere and paths it cannot read', () => {
    expect(joinStrokes('M0 0L10 0M5 5L6 6')).toBe('M0 0L10 0M5 5L6 6');
    expect(joinStrokes('M0 0L10 0Z')).toBe('M0 0L10 0Z');
  });

  it('is applied to stroked paths only', () => {
    const d = 'M0 0 L10 0 M0 0 L10 0';
    expect(compactSvg(`<path d="${d}" fill="none"/>`)).toBe('<path d="M0 0L10 0" fill="none"/>');
    expect(compactSvg(`<path d="${d}"/>`)).toBe('<path d="M0 0L10 0M0 0L10 0"/>');
  });
});

describe('dropUnusedDefs', () => {
  it('keeps what is referenced and drops the rest', () => {
    const svg = '<svg><defs><symbol id="db"><path d="M0 0"/></symbol></defs><defs><marker id="arrow"><path/></marker></defs><line marker-end="url(#arrow)"/></svg>';
    expect(dropUnusedDefs(svg)).toBe('<svg><defs><marker id="arrow"><path/></marker></defs><line marker-end="url(#arrow)"/></svg>');
  });
});

describe('dropUnusedRules', () => {
  const style = (css: string) => `<svg id="d" class="flowchart"><style>${css}</style><g class="node default"><rect class="basic"/></g></svg>`;

  it('drops rules for classes the drawing lacks and keeps the rest', () => {
    const css = '#d{fill:#333;}@keyframes dash{to{stroke-dashoffset:0;}}#d .error-icon{fill:red;}#d .node rect,#d .cluster rect{stroke:#999;}#d .node.clickable{cursor:pointer;}#d text{fill:#111;}';
    expect(dropUnusedRules(style(css))).toBe(style('#d{fill:#333;}@keyframes dash{to{stroke-dashoffset:0;}}#d .node rect,#d .cluster rect{stroke:#999;}#d text{fill:#111;}'));
  });

  it('does not require the classes inside :not()', () => {
    const css = ':root:not([data-theme=dark]) #d .node:not(.hidden) rect{fill:#fff;}';
    expect(dropUnusedRules(style(css))).toBe(style(css));
  });

  it('keeps at-rules whole', () => {
    const media = '@media (min-width:1px){#d .error-icon{fill:red;}}';
    expect(dropUnusedRules(style(`${media}#d .error-text{fill:red;}`))).toBe(style(media));
  });

  it('leaves CSS it cannot split into rules as it is', () => {
    const css = '#d .error-text{fill:red;}}#d rect{fill:blue;}';
    expect(dropUnusedRules(style(css))).toBe(style(css));
  });
});

describe('simplifyPath', () => {
  it('writes a straight cubic curve as a line', () => {
    expect(simplifyPath('M-57.275 -30.3 C-21.7677 -30.3, 13.7395 -30.3, 57.275 -30.3')).toBe('M-57.27 -30.3L57.28 -30.3');
  });

  it('keeps a real curve', () => {
    expect(simplifyPath('M0 0 C0 10, 10 10, 10 0')).toBe('M0 0C0 10 10 10 10 0');
  });

  it('drops segments that go nowhere and movetos that draw nothing', () => {
    expect(simplifyPath('M5 5 C5 5, 5 5, 5 5 M0 0 L0 0 L3 4 Z')).toBe('M0 0L3 4Z');
  });

  it('leaves paths with commands it does not model untouched', () => {
    const arc = 'M0 0 A5 5 0 0 1 10 0';
    expect(simplifyPath(arc)).toBe(arc);
    expect(simplifyPath('m0 0 l5 5')).toBe('m0 0 l5 5');
  });

  it('shrinks a rough.js outline to a fraction', () => {
    const rough = Array.from({ length: 40 }, (_, i) => `M${i}.123456789 0.5 C${i}.3 0.5, ${i}.6 0.5, ${i + 1}.123456789 0.5`).join(' ');
    expect(compactSvg(`<path d="${rough}"></path>`).length).toBeLessThan(rough.length / 2);
  });
});

describe('mergeThemes', () => {
  const svg = (theme: string, fill: string, shadow: string) =>
    `<svg id="mmd-k-${theme}"><style>#mmd-k-${theme}{fill:${fill};}#mmd-k-${theme} .node rect{filter:url(#mmd-k-${theme}-drop-shadow);}</style>` +
    `<g id="mmd-k-${theme}-flowchart-A-0"><rect></rect></g><filter id="mmd-k-${theme}-drop-shadow"><feDropShadow flood-color="${shadow}"></feDropShadow></filter></svg>`;

  it('scopes each theme\'s colours under data-theme in one SVG', () => {
    const merged = mergeThemes(svg('light', '#333', '#000000'), svg('dark', '#ccc', '#FFFFFF'), 'mmd-k');
    expect(merged).toBe(
      `<svg id="mmd-k"><style>:root:not([data-theme=dark]) #mmd-k{fill:#333;}:root:not([data-theme=dark]) #mmd-k .node rect{filter:url(#mmd-k-drop-shadow);}` +
        `:root:not([data-theme=dark]) #mmd-k{--mmd-k-c0:#000000}` +
        `:root[data-theme=dark] #mmd-k{fill:#ccc;}:root[data-theme=dark] #mmd-k .node rect{filter:url(#mmd-k-drop-shadow);}` +
        `:root[data-theme=dark] #mmd-k{--mmd-k-c0:#FFFFFF}</style>` +
        `<g id="mmd-k-flowchart-A-0"><rect></rect></g><filter id="mmd-k-drop-shadow"><feDropShadow style="flood-color:var(--mmd-k-c0)"></feDropShadow></filter></svg>`,
    );
  });

  it('moves a colour attribute into the style attribute an element already has', () => {
    const shape = (theme: string, fill: string) => `<svg id="mmd-k-${theme}"><style></style><path d="M0 0" fill="${fill}" style="opacity: 1"></path></svg>`;
    expect(mergeThemes(shape('light', '#ECECFF'), shape('dark', '#1f2020'), 'mmd-k')).toContain('<path d="M0 0" style="opacity: 1;fill:var(--mmd-k-c0)"></path>');
    // Mermaid also writes an empty, valueless style attribute, which would hide the added one.
    const bare = (theme: string, fill: string) => `<svg id="mmd-k-${theme}"><style></style><path fill="${fill}" style></path></svg>`;
    expect(mergeThemes(bare('light', '#ECECFF'), bare('dark', '#1f2020'), 'mmd-k')).toContain('<path style="fill:var(--mmd-k-c0)"></path>');
  });

  it('keeps a gradient that only one theme paints with, under its own id', () => {
    const gradient = '<linearGradient id="mmd-k-dark-gradient"><stop stop-color="#ccc"/></linearGradient>';
    const dark = svg('dark', '#ccc', '#FFFFFF')
      .replace('{fill:#ccc;}', '{fill:#ccc;stroke:url(#mmd-k-dark-gradient);}')
      .replace('</svg>', `${gradient}</svg>`);
    const merged = mergeThemes(svg('light', '#333', '#000000'), dark, 'mmd-k');
    expect(merged).toContain(":root[data-theme=dark] #mmd-k{fill:#ccc;stroke:url(#mmd-k-dark-gradient);}");
    expect(merged).toMatch(new RegExp(`${gradient}</svg>$`));
  });

  it('refuses when the geometry differs', () => {
    const dark = svg('dark', '#ccc', '#FFFFFF').replace('<rect>', '<rect x="2">');
    expect(mergeThemes(svg('light', '#333', '#000000'), dark, 'mmd-k')).toBeUndefined();
  });
});
