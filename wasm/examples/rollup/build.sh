npx rollup -i src/index.js -i naplint/worker-main --dir dist --format es --entryFileNames '[name].js' -p node-resolve
cp "$(node -p "require.resolve('naplint/naplint_wasm_bg.wasm')")" dist/
