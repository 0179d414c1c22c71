// `naplint/auto`: the browser entry, initialised with a top-level await, so the API is
// ready as soon as the import resolves (the behaviour of the default entry before
// `init()`). Needs a bundler target with top-level await: Vite 6's default target
// (es2020) rejects it, and builds it with `build.target: 'es2022'`; Vite 8's default
// target builds it. The default entry `naplint` needs none of that.
import { init } from './browser.js';

await init();

export * from './browser.js';
export { default } from './browser.js';
