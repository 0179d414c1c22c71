npx esbuild src/index.js naplint/worker-main --bundle --format=esm --outdir=dist --entry-names=[name]
cp "$(node -p "require.resolve('naplint/naplint_wasm_bg.wasm')")" dist/
