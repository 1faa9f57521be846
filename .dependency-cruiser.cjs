/**
 * Architecture rules (DESIGN.md): dependencies point one way, kernel ← platform ← data ← services/governance/office,
 * and a domain is entered only through its index.ts. `npm run lint` fails on any violation or import cycle.
 */
const layers = 'platform|data|services|governance|office';
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'Import cycles make domains inseparable.', from: {}, to: { circular: true } },
    {
      name: 'domain-through-index-only',
      severity: 'error',
      comment: 'Another domain may be imported only through its index.ts.',
      from: { path: `^server/src/(${layers})/([^/]+)/` },
      to: {
        path: `^server/src/(${layers})/([^/]+)/(?!index\\.ts$)`,
        pathNot: ['^server/src/$1/$2/'],
      },
    },
    {
      name: 'kernel-has-no-business',
      severity: 'error',
      comment: 'The kernel knows no domain.',
      from: { path: '^server/src/kernel/' },
      to: { path: `^server/src/(${layers}|demo)/` },
    },
    { name: 'platform-below-data', severity: 'error', from: { path: '^server/src/platform/' }, to: { path: '^server/src/(data|services|governance|office)/' } },
    { name: 'data-below-services', severity: 'error', from: { path: '^server/src/data/' }, to: { path: '^server/src/(services|governance|office)/' } },
    { name: 'contracts-stand-alone', severity: 'error', comment: 'contracts is shared with the browser.', from: { path: '^contracts/' }, to: { path: '^(server|web)/' } },
    { name: 'web-not-server', severity: 'error', from: { path: '^web/' }, to: { path: '^server/' } },
    { name: 'not-to-unresolvable', severity: 'error', from: {}, to: { couldNotResolve: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
  },
};
