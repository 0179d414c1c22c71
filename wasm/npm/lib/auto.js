// `naplint/auto`: the browser entry, initialised with a top-level await, so the API is
// ready as soon as the import resolves. Needs a bundler target with top-level await
// (webpack 5 by default; Vite with `build.target: 'esnext'` or a target of
// 2022 browsers); `naplint` itself needs none.
import { init } from './browser.js';

await init();

export * from './browser.js';
export { default } from './browser.js';
