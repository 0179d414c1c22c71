//! placeholder: the WASM bindings are built here
