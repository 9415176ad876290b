// Vite bundles the renderer: its client types declare CSS imports (and import.meta.env).
/// <reference types="vite/client" />
